package de.rathaus.api.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.rathaus.api.catalogue.DepartmentResources.DepartmentInput;
import de.rathaus.api.catalogue.ServiceResources.ServiceInput;
import de.rathaus.api.participation.ActionFieldResources.ActionFieldInput;
import de.rathaus.domain.catalogue.CreateDepartment;
import de.rathaus.domain.catalogue.ServiceDefinitionContent;
import de.rathaus.domain.participation.CreateActionField;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The <strong>sample</strong> catalogue as data, seeded once in demo mode so that a fresh engine
 * has something to show and to request: the seven departments and eleven services of a German city
 * of about 125,000 inhabitants, in German and English.
 *
 * <p>Each department is a file {@code sample-catalogue/departments/<code>.json} in the body shape
 * of {@code POST /api/v1/departments}, each service a file {@code
 * sample-catalogue/services/<code>.json} in the body shape of {@code POST /api/v1/services}; both
 * carry {@code "sample": true} besides. A file is checked exactly as an administrator's request
 * with the same body would be (the same input records, Bean Validation, mapping and domain rules),
 * and more strictly: a field such a request does not know is refused rather than ignored, the file
 * is named by its code, and every service names one of the sample departments. A file that fails
 * any check fails the start with its name and what is wrong. To add a service, add a file; seeding
 * adds it on the next start.
 *
 * <p>The action fields of the city's strategy (e-participation) come along: each a file {@code
 * sample-catalogue/action-fields/<code>.json} in the body shape of {@code POST
 * /api/v1/action-fields}, checked the same way: the eight fields Heilbronn's strategy names and
 * four further fields usual in a smart-city strategy (mobility, education, environment and climate,
 * safety). They are seeded with the departments, before the services.
 *
 * <p><strong>This is sample data, not the official catalogue of any city.</strong> Heilbronn served
 * as the reference for the size of the city and for the kind of services, departments and
 * districts; the services, department codes and names, fees, processing targets, parking zones,
 * documents, form fields and e-mail addresses (under the reserved domain {@code stadt.example}) are
 * plausible inventions for demonstration and testing. They are not Heilbronn's services, fees or
 * statutes, and nobody should rely on them.
 *
 * <p>Departments: {@code buergeramt} (registration, residents' parking), {@code ordnungsamt} (road
 * traffic orders; first receiver of reports on public space, which its clerks forward to the
 * department that fixes the issue), {@code tiefbauamt} (roads and their special use), {@code
 * gruenflaechenamt} (trees and green spaces), {@code steueramt} (local taxes), {@code
 * abfallwirtschaft} (waste collection) and {@code gewerbeamt} (trade register). The demo clerks of
 * docs/design.md section 6 work in {@code buergeramt} and {@code ordnungsamt}, so both have
 * services.
 *
 * <p>LeiKa keys: only where the key was found in several public references to the federal catalogue
 * and names the same service: business registration ({@code 99050012104000}), dog tax registration
 * ({@code 99102013104000}) and the residents' parking permit ({@code 99108001001000}). Every other
 * service has none rather than a guessed number that would look official; check the keys against
 * the federal catalogue before using them in production.
 *
 * <p>Fees are in euro cents, processing targets in days, retention periods in years (short for
 * one-off certificates, collections and reports, longer for permits, ten for taxes and the trade
 * register). Attribute codes are lowercase identifiers; list choices have English keys, which
 * requests record, and German and English names, which citizens read. Dates are ISO-8601.
 */
final class SampleCatalogue {

  /** Where the sample catalogue lives on the class path (also inside the packaged jar). */
  static final String LOCATION = "classpath*:sample-catalogue";

  /** The field that marks a file as sample data. */
  static final String MARKER = "sample";

  /** A department of the sample catalogue: its file and the command that creates it. */
  record SampleDepartment(String file, CreateDepartment command) {}

  /** An action field of the sample data: its file and the command that creates it. */
  record SampleActionField(String file, CreateActionField command) {}

  /** A service of the sample catalogue: its file, code and the content of its first version. */
  record SampleService(String file, ServiceCode code, ServiceDefinitionContent content) {}

  /** A sample file that fails a check; the message names the file and the check. */
  static final class InvalidSampleFile extends IllegalStateException {
    InvalidSampleFile(String file, String problem) {
      super("Sample catalogue file " + file + " " + problem);
    }
  }

  private final List<SampleDepartment> departments;
  private final List<SampleActionField> actionFields;
  private final List<SampleService> services;

  private SampleCatalogue(
      List<SampleDepartment> departments,
      List<SampleActionField> actionFields,
      List<SampleService> services) {
    this.departments = List.copyOf(departments);
    this.actionFields = List.copyOf(actionFields);
    this.services = List.copyOf(services);
  }

  /** Every sample department, by file name: seeded first, as services name them. */
  List<SampleDepartment> departments() {
    return departments;
  }

  /** Every sample action field of the city's strategy, by file name. */
  List<SampleActionField> actionFields() {
    return actionFields;
  }

  /** Every sample service, by file name, in the order they are seeded. */
  List<SampleService> services() {
    return services;
  }

  /**
   * Reads and checks the files under {@code location} ({@code departments/*.json}, {@code
   * action-fields/*.json}, {@code services/*.json}), with the engine's JSON mapper and validator.
   *
   * @throws InvalidSampleFile for the first file that fails a check
   */
  static SampleCatalogue read(
      ResourcePatternResolver resources, String location, ObjectMapper json, Validator validator) {
    Files files =
        new Files(
            resources,
            location,
            json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES),
            validator);
    List<SampleDepartment> departments =
        files.read("departments", DepartmentInput.class, SampleCatalogue::department);
    Set<DepartmentCode> known =
        departments.stream().map(d -> d.command().code()).collect(Collectors.toSet());
    List<SampleActionField> actionFields =
        files.read("action-fields", ActionFieldInput.class, SampleCatalogue::actionField);
    List<SampleService> services =
        files.read("services", ServiceInput.class, SampleCatalogue::service);
    for (SampleService service : services) {
      if (!known.contains(service.content().department())) {
        throw new InvalidSampleFile(
            service.file(),
            "names department "
                + service.content().department()
                + ", which is none of the sample departments");
      }
    }
    return new SampleCatalogue(departments, actionFields, services);
  }

  private static SampleActionField actionField(String file, ActionFieldInput input) {
    CreateActionField command = input.toCommand();
    requireNamedByCode(file, command.code().value());
    return new SampleActionField(file, command);
  }

  private static SampleDepartment department(String file, DepartmentInput input) {
    CreateDepartment command = input.toCommand();
    requireNamedByCode(file, command.code().value());
    return new SampleDepartment(file, command);
  }

  private static SampleService service(String file, ServiceInput input) {
    // what ServiceCatalogueController does with a POST body
    ServiceCode code = input.serviceCode();
    ServiceDefinitionContent content = input.toDomain();
    requireNamedByCode(file, code.value());
    return new SampleService(file, code, content);
  }

  private static void requireNamedByCode(String file, String code) {
    if (!file.endsWith("/" + code + ".json")) {
      throw new InvalidSampleFile(file, "must be named by its code: " + code + ".json");
    }
  }

  /** The files of one folder of the sample catalogue, each read as a request body. */
  private record Files(
      ResourcePatternResolver resources, String location, ObjectMapper json, Validator validator) {

    <I, T> List<T> read(String folder, Class<I> shape, BiFunction<String, I, T> mapping) {
      Resource[] found;
      try {
        found = resources.getResources(location + "/" + folder + "/*.json");
      } catch (IOException e) {
        throw new IllegalStateException("The sample catalogue could not be listed", e);
      }
      List<Resource> sorted = new ArrayList<>(Arrays.asList(found));
      sorted.sort(Comparator.comparing(Resource::getFilename));
      List<T> read = new ArrayList<>();
      for (Resource resource : sorted) {
        String file = folder + "/" + resource.getFilename();
        I input = body(file, resource, shape);
        try {
          read.add(mapping.apply(file, input));
        } catch (IllegalArgumentException refused) {
          // the domain's own checks, as for an administrator's request
          throw new InvalidSampleFile(file, "is refused: " + refused.getMessage());
        }
      }
      return read;
    }

    private <I> I body(String file, Resource resource, Class<I> shape) {
      JsonNode tree;
      try (InputStream in = resource.getInputStream()) {
        tree = json.readTree(in);
      } catch (JsonProcessingException e) {
        throw new InvalidSampleFile(file, "is not JSON: " + e.getOriginalMessage() + where(e));
      } catch (IOException e) {
        throw new IllegalStateException("Sample catalogue file " + file + " could not be read", e);
      }
      if (!(tree instanceof ObjectNode body) || !body.path(MARKER).asBoolean(false)) {
        throw new InvalidSampleFile(
            file, "is not marked as sample data (\"" + MARKER + "\": true)");
      }
      body.remove(MARKER);
      I input;
      try {
        input = json.treeToValue(body, shape);
      } catch (UnrecognizedPropertyException e) {
        throw new InvalidSampleFile(
            file, "has a field a request does not know: " + e.getPropertyName());
      } catch (JsonProcessingException e) {
        throw new InvalidSampleFile(
            file, "does not have the shape of a request: " + e.getOriginalMessage());
      }
      Set<ConstraintViolation<I>> violations = validator.validate(input);
      if (!violations.isEmpty()) {
        throw new InvalidSampleFile(
            file,
            "is invalid: "
                + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
      }
      return input;
    }

    private static String where(JsonProcessingException e) {
      return e.getLocation() == null
          ? ""
          : " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")";
    }
  }
}
