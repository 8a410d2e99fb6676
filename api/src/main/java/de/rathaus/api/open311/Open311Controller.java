package de.rathaus.api.open311;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.rathaus.api.open311.Open311Configuration.Open311Limits;
import de.rathaus.api.shared.ActorMetadata;
import de.rathaus.api.shared.DemoMode;
import de.rathaus.api.shared.Idempotency;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.FindPublishedService;
import de.rathaus.application.catalogue.ListDepartments;
import de.rathaus.application.catalogue.ListPublishedServices;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.open311.FindPublicRequest;
import de.rathaus.application.open311.FindPublicRequestByToken;
import de.rathaus.application.open311.ListPublicRequests;
import de.rathaus.application.open311.Open311Client;
import de.rathaus.application.open311.Open311Keys;
import de.rathaus.application.open311.Open311Projection;
import de.rathaus.application.open311.PublicRequestView;
import de.rathaus.application.servicerequest.CaseProjection;
import de.rathaus.application.servicerequest.RequestProjection;
import de.rathaus.application.servicerequest.RequestSubmission;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.transparency.HistoryLog;
import de.rathaus.domain.catalogue.AttributeDatatype;
import de.rathaus.domain.catalogue.ServiceAttribute;
import de.rathaus.domain.catalogue.ServiceDefinitionContent;
import de.rathaus.domain.catalogue.ServiceKind;
import de.rathaus.domain.servicerequest.ApplicantContact;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Open311 GeoReport v2 over the engine's catalogue and requests, so that existing reporting apps
 * and city dashboards work with it unchanged: discovery, the services and their definitions, the
 * requests (read by everyone, only what is public: {@link PublicRequestView}), a submission with an
 * API key, and the tokens of batch submissions. Each resource answers JSON or XML as its path ends;
 * every failure is the standard's error list ({@link Open311Errors}).
 *
 * <p>A submission is an ordinary command: the same submission use case, validation, encryption of
 * the personal data, audit trail and receipt as {@code POST /api/v1/requests}, on the channel
 * {@code open311} with the key's id as the actor. Its applicant, the data subject whose key
 * encrypts the contact details, is a new pseudonymous subject per submission ({@code open311-} and
 * the request's id): an Open311 client is an app, not a citizen's account, and its users are not
 * known to the engine; one subject per app would tie unrelated people's data to one key, so that
 * erasing one person's data would erase everybody's who used the app. A subject per submission is
 * erased by itself, and derived from the request's id so that a retry under the same {@code
 * Idempotency-Key} names the same one.
 *
 * <p>Not in the engine's OpenAPI description ({@link Hidden}): that describes the JSON API under
 * {@code /api/v1} with its problem details; Open311 is another protocol, XML and JSON with its own
 * error list, described by the standard itself (its Swagger description and schemas, which the
 * tests validate against).
 */
@Hidden
@RestController
public class Open311Controller {

  static final String BASE = "/open311/v2";

  /** The longest window of {@code GET requests}, and its default (the standard's 90 days). */
  static final Duration WINDOW = Duration.ofDays(90);

  static final int MAX_DESCRIPTION = 4_000;
  static final int MAX_IDS = 100;

  /** When this implementation of the interface last changed (discovery's {@code changeset}). */
  static final String CHANGESET = "2026-12-02T00:00:00Z";

  private static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");
  private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final Pattern ATTRIBUTE =
      Pattern.compile("attribute\\[([a-z][a-z0-9_]{0,62})\\](\\[\\])?");

  private final QueryGateway queries;
  private final RequestSubmission submission;
  private final ReadYourWrites readYourWrites;
  private final Idempotency idempotency;
  private final HistoryLog history;
  private final ObjectProvider<Open311Keys> keys;
  private final Open311Limits limits;
  private final Open311Properties properties;
  private final Open311Answers answers;
  private final Clock clock;
  private final boolean demo;

  public Open311Controller(
      QueryGateway queries,
      RequestSubmission submission,
      ReadYourWrites readYourWrites,
      Idempotency idempotency,
      HistoryLog history,
      ObjectProvider<Open311Keys> keys,
      Open311Limits limits,
      Open311Properties properties,
      Open311Answers answers,
      Clock clock,
      Environment environment) {
    this.queries = queries;
    this.submission = submission;
    this.readYourWrites = readYourWrites;
    this.idempotency = idempotency;
    this.history = history;
    this.keys = keys;
    this.limits = limits;
    this.properties = properties;
    this.answers = answers;
    this.clock = clock;
    this.demo = DemoMode.of(environment) == DemoMode.ON;
  }

  // --- discovery

  @GetMapping(BASE + "/discovery.{format}")
  public ResponseEntity<byte[]> discovery(@PathVariable String format) {
    Open311Format f = Open311Format.of(format);
    ObjectNode discovery = Open311Answers.NODES.objectNode();
    discovery.put("changeset", CHANGESET);
    discovery.put("contact", properties.contact());
    discovery.put("key_service", properties.keyService());
    ObjectNode endpoint = discovery.putArray("endpoints").addObject();
    endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
    endpoint.put(
        "url", ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE).toUriString());
    endpoint.put("changeset", CHANGESET);
    endpoint.put("type", demo ? "test" : "production");
    endpoint.putArray("formats").add("text/xml").add("application/json");
    return answers.answer(HttpStatus.OK, f, "discovery", discovery);
  }

  // --- services

  @GetMapping(BASE + "/services.{format}")
  public ResponseEntity<byte[]> services(
      @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
    Open311Format f = Open311Format.of(format);
    checkJurisdiction(jurisdiction);
    String language = language();
    ArrayNode list = Open311Answers.NODES.arrayNode();
    for (ServiceView service : publishedServices()) {
      ServiceDefinitionContent content = service.content();
      ObjectNode item = list.addObject();
      item.put("service_code", service.code());
      item.put("service_name", content.name().in(language));
      item.put("description", content.description().in(language));
      item.put("metadata", !content.attributes().isEmpty());
      item.put("type", content.kind() == ServiceKind.REPORT ? "realtime" : "batch");
      item.put("keywords", String.join(",", content.keywords()));
      item.put("group", content.group());
    }
    return answers.answer(HttpStatus.OK, f, "services", list);
  }

  @GetMapping(BASE + "/services/{code}.{format}")
  public ResponseEntity<byte[]> definition(
      @PathVariable String code,
      @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
    Open311Format f = Open311Format.of(format);
    checkJurisdiction(jurisdiction);
    ServiceView service =
        publishedService(code)
            .orElseThrow(() -> new Open311Failure(HttpStatus.NOT_FOUND, "service_code not found"));
    String language = language();
    ObjectNode definition = Open311Answers.NODES.objectNode();
    definition.put("service_code", service.code());
    ArrayNode attributes = definition.putArray("attributes");
    service.content().attributes().stream()
        .sorted(Comparator.comparingInt(ServiceAttribute::order))
        .forEach(
            attribute -> {
              ObjectNode item = attributes.addObject();
              item.put("variable", true);
              item.put("code", attribute.code());
              item.put("datatype", attribute.datatype().name().toLowerCase(Locale.ROOT));
              item.put("required", attribute.required());
              item.put("datatype_description", datatypeDescription(attribute.datatype(), language));
              item.put("order", attribute.order());
              item.put("description", attribute.description().in(language));
              if (attribute.datatype().offersChoices()) {
                ArrayNode values = item.putArray("values");
                attribute
                    .values()
                    .forEach(
                        value ->
                            values
                                .addObject()
                                .put("key", value.key())
                                .put("name", value.name().in(language)));
              }
            });
    return answers.answer(HttpStatus.OK, f, "service_definition", definition);
  }

  private static String datatypeDescription(AttributeDatatype datatype, String language) {
    boolean en = "en".equals(language);
    return switch (datatype) {
      case NUMBER -> en ? "A number, e.g. 3 or 2.5" : "Eine Zahl, z. B. 3 oder 2.5";
      case DATETIME ->
          en
              ? "A date or date and time in ISO-8601, e.g. 2026-05-01"
              : "Ein Datum oder Datum mit Uhrzeit nach ISO-8601, z. B. 2026-05-01";
      case MULTIVALUELIST ->
          en
              ? "One or more of the values, each as attribute[code][]"
              : "Einer oder mehrere der Werte, je als attribute[code][]";
      default -> null;
    };
  }

  // --- requests: reads

  @GetMapping(BASE + "/requests.{format}")
  public ResponseEntity<byte[]> requests(
      @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
      @RequestParam(name = "service_request_id", required = false) String ids,
      @RequestParam(name = "service_code", required = false) String serviceCodes,
      @RequestParam(name = "start_date", required = false) String startDate,
      @RequestParam(name = "end_date", required = false) String endDate,
      @RequestParam(name = "status", required = false) String status) {
    Open311Format f = Open311Format.of(format);
    checkJurisdiction(jurisdiction);
    ListPublicRequests query;
    List<String> caseNumbers = commaList(ids);
    if (!caseNumbers.isEmpty()) {
      if (caseNumbers.size() > MAX_IDS) {
        throw new Open311Failure(
            HttpStatus.BAD_REQUEST, "service_request_id lists at most " + MAX_IDS + " ids");
      }
      query = new ListPublicRequests(caseNumbers, List.of(), null, null, null, MAX_IDS);
    } else {
      Instant start = instant(startDate, "start_date");
      Instant end = instant(endDate, "end_date");
      if (start == null && end == null) {
        end = clock.instant();
      }
      if (start == null) {
        start = end.minus(WINDOW);
      } else if (end == null) {
        end = start.plus(WINDOW);
      }
      if (end.isBefore(start)) {
        throw new Open311Failure(HttpStatus.BAD_REQUEST, "end_date is before start_date");
      }
      if (Duration.between(start, end).compareTo(WINDOW) > 0) {
        throw new Open311Failure(
            HttpStatus.BAD_REQUEST, "start_date and end_date are at most 90 days apart");
      }
      List<String> services = commaList(serviceCodes);
      if (services.size() > MAX_IDS) {
        throw new Open311Failure(
            HttpStatus.BAD_REQUEST, "service_code lists at most " + MAX_IDS + " services");
      }
      query =
          new ListPublicRequests(
              List.of(), services, open(status), start, end, properties.maxResults());
    }
    List<PublicRequestView> found =
        Answers.of(
            queries.query(query, ResponseTypes.multipleInstancesOf(PublicRequestView.class)));
    return answers.answer(HttpStatus.OK, f, "service_requests", requestList(found));
  }

  @GetMapping(BASE + "/requests/{id}.{format}")
  public ResponseEntity<byte[]> request(
      @PathVariable String id,
      @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
    Open311Format f = Open311Format.of(format);
    checkJurisdiction(jurisdiction);
    PublicRequestView view =
        Answers.of(
                queries.query(
                    new FindPublicRequest(id),
                    ResponseTypes.optionalInstanceOf(PublicRequestView.class)))
            .orElseThrow(
                () -> new Open311Failure(HttpStatus.NOT_FOUND, "service_request_id not found"));
    return answers.answer(HttpStatus.OK, f, "service_requests", requestList(List.of(view)));
  }

  @GetMapping(BASE + "/tokens/{token}.{format}")
  public ResponseEntity<byte[]> token(
      @PathVariable String token,
      @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
    Open311Format f = Open311Format.of(format);
    checkJurisdiction(jurisdiction);
    PublicRequestView view =
        Answers.of(
                queries.query(
                    new FindPublicRequestByToken(token),
                    ResponseTypes.optionalInstanceOf(PublicRequestView.class)))
            .orElseThrow(() -> new Open311Failure(HttpStatus.NOT_FOUND, "token not found"));
    ArrayNode list = Open311Answers.NODES.arrayNode();
    list.addObject().put("service_request_id", view.caseNumber()).put("token", token);
    return answers.answer(HttpStatus.OK, f, "service_requests", list);
  }

  private ArrayNode requestList(List<PublicRequestView> views) {
    String language = language();
    Map<String, String> serviceNames = new LinkedHashMap<>();
    for (ServiceView service : publishedServices()) {
      serviceNames.put(service.code(), service.content().name().in(language));
    }
    Map<String, String> departments = new LinkedHashMap<>();
    if (!views.isEmpty()) {
      for (DepartmentView department :
          Answers.of(
              queries.query(
                  new ListDepartments(true),
                  ResponseTypes.multipleInstancesOf(DepartmentView.class)))) {
        departments.put(department.code().value(), department.name().in(language));
      }
    }
    ArrayNode list = Open311Answers.NODES.arrayNode();
    for (PublicRequestView view : views) {
      ObjectNode item = list.addObject();
      item.put("service_request_id", view.caseNumber());
      item.put("status", view.open() ? "open" : "closed");
      item.put("status_notes", Open311Texts.statusNote(view.status(), language));
      item.put("service_name", serviceNames.get(view.serviceCode()));
      item.put("service_code", view.serviceCode());
      item.put("description", view.description());
      item.put(
          "agency_responsible", departments.getOrDefault(view.department(), view.department()));
      item.putNull("service_notice");
      item.put("requested_datetime", w3c(view.requestedAt()));
      item.put("updated_datetime", w3c(view.updatedAt()));
      item.put("expected_datetime", view.open() ? w3c(view.expectedAt()) : null);
      item.putNull("address");
      item.putNull("address_id");
      item.putNull("zipcode");
      if (view.lat() == null) {
        item.putNull("lat");
        item.putNull("long");
      } else {
        item.put("lat", view.lat());
        item.put("long", view.lon());
      }
      item.putNull("media_url");
    }
    return list;
  }

  // --- requests: the submission

  /** What a stored submission answers again for a repeat under the same {@code Idempotency-Key}. */
  record Created(
      String id,
      String caseNumber,
      boolean report,
      int processingDays,
      Long position,
      String leafHash) {}

  @PostMapping(BASE + "/requests.{format}")
  public ResponseEntity<byte[]> submit(
      @PathVariable String format,
      @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
      HttpServletRequest request) {
    Open311Format f = Open311Format.of(format);
    // counted before the key is looked at, so that keys cannot be guessed at speed
    limits.perAddress().take(request.getRemoteAddr());
    Open311Client client =
        verify(request.getParameter("api_key"))
            .orElseThrow(
                () ->
                    new Open311Failure(
                        HttpStatus.FORBIDDEN, "api_key is missing, unknown or revoked"));
    limits.perKey().take(client.keyId());
    checkJurisdiction(request.getParameter("jurisdiction_id"));
    SortedParameters sent = SortedParameters.of(request);
    String code = single(sent, "service_code");
    if (code == null) {
      throw new Open311Failure(HttpStatus.BAD_REQUEST, "service_code is required");
    }
    ServiceView service =
        publishedService(code)
            .orElseThrow(
                () ->
                    new Open311Failure(
                        HttpStatus.BAD_REQUEST, "service_code is not a service of this city"));
    RequestSubmission.Form form = form(service, sent);
    Idempotency.Outcome<Created> outcome =
        idempotency.once(
            "open311:" + client.keyId(),
            idempotencyKey,
            sent.withoutKey(),
            Created.class,
            id -> submitAs(client, service, form, new ServiceRequestId(id.toString())));
    Created created = outcome.answer();
    String language = language();
    ArrayNode list = Open311Answers.NODES.arrayNode();
    ObjectNode item = list.addObject();
    if (created.report()) {
      item.put("service_request_id", created.caseNumber());
    } else {
      item.put("token", created.id());
    }
    item.put("service_notice", Open311Texts.serviceNotice(created.processingDays(), language));
    item.putNull("account_id");
    // beyond the standard: the submission's leaf in the tamper-evident log (its receipt is the
    // public inclusion proof of this position: GET /api/v1/audit/proofs/inclusion?position=)
    if (created.position() != null) {
      item.put("receipt_position", created.position());
      item.put("receipt_leaf_hash", created.leafHash());
    }
    ResponseEntity<byte[]> answer = answers.answer(HttpStatus.CREATED, f, "service_requests", list);
    if (outcome.replayed()) {
      return ResponseEntity.status(answer.getStatusCode())
          .headers(answer.getHeaders())
          .header("Idempotent-Replayed", "true")
          .body(answer.getBody());
    }
    return answer;
  }

  /** The client the key belongs to; without a key store (none configured) no key is valid. */
  private Optional<Open311Client> verify(String presented) {
    Open311Keys store = keys.getIfAvailable();
    return store == null ? Optional.empty() : store.verify(presented);
  }

  private Created submitAs(
      Open311Client client, ServiceView service, RequestSubmission.Form form, ServiceRequestId id) {
    CitizenId applicant = new CitizenId("open311-" + id.value());
    SecurityContext before = SecurityContextHolder.getContext();
    SecurityContext signed = SecurityContextHolder.createEmptyContext();
    UsernamePasswordAuthenticationToken caller =
        UsernamePasswordAuthenticationToken.authenticated(client.keyId(), null, List.of());
    caller.setDetails(new ActorMetadata.Signed(client.keyId(), "OPEN311_CLIENT", "open311"));
    signed.setAuthentication(caller);
    SecurityContextHolder.setContext(signed);
    RequestSubmission.Submitted submitted;
    try {
      submitted =
          readYourWrites.runCreating(
              "ServiceRequest",
              (RequestSubmission.Submitted made) -> made.id().value(),
              () -> submission.submit(applicant, form, id),
              RequestProjection.NAME,
              CaseProjection.NAME,
              Open311Projection.NAME);
    } finally {
      SecurityContextHolder.setContext(before);
    }
    Optional<HistoryLog.Leaf> leaf;
    try {
      leaf = history.leafOf(submitted.id().value(), 0);
    } catch (RuntimeException readFailed) {
      leaf = Optional.empty(); // the request exists: answer it without its leaf, not fail
    }
    return new Created(
        submitted.id().value(),
        submitted.caseNumber().value(),
        service.content().kind() == ServiceKind.REPORT,
        service.content().processingDays(),
        leaf.map(HistoryLog.Leaf::position).orElse(null),
        leaf.map(l -> Base64.getEncoder().encodeToString(l.leafHash())).orElse(null));
  }

  /** The form the submission use case takes, from the standard's parameters. */
  private RequestSubmission.Form form(ServiceView service, SortedParameters sent) {
    ServiceDefinitionContent content = service.content();
    // attributes: attribute[code] for one value, attribute[code][] (or a repeat) for several
    Map<String, List<String>> given = new TreeMap<>();
    for (Map.Entry<String, List<String>> parameter : sent.values().entrySet()) {
      Matcher attribute = ATTRIBUTE.matcher(parameter.getKey());
      if (attribute.matches()) {
        given
            .computeIfAbsent(attribute.group(1), c -> new ArrayList<>())
            .addAll(parameter.getValue());
      } else if (parameter.getKey().startsWith("attribute[")) {
        throw new Open311Failure(
            HttpStatus.BAD_REQUEST,
            "An attribute is named attribute[code] or attribute[code][], with a code of the"
                + " service definition");
      }
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : given.entrySet()) {
      Optional<ServiceAttribute> attribute =
          content.attributes().stream().filter(a -> a.code().equals(entry.getKey())).findFirst();
      List<String> values = entry.getValue().stream().filter(v -> !v.isBlank()).toList();
      if (attribute.isPresent() && attribute.get().datatype() == AttributeDatatype.MULTIVALUELIST) {
        attributes.put(entry.getKey(), values);
      } else if (values.size() > 1) {
        throw new Open311Failure(
            HttpStatus.BAD_REQUEST, "attribute[" + entry.getKey() + "] takes one value");
      } else {
        attributes.put(entry.getKey(), values.isEmpty() ? "" : values.get(0));
      }
    }
    String description = text(sent, "description", MAX_DESCRIPTION);
    String mediaUrl = mediaUrl(single(sent, "media_url"));
    if (mediaUrl != null) {
      description = (description == null ? "" : description + "\n\n") + "media_url: " + mediaUrl;
    }
    ApplicantContact contact = contact(sent);
    if (content.kind() == ServiceKind.REQUEST && !contact.hasName()) {
      // the aggregate refuses it too, but only after a case number was drawn
      throw new Open311Failure(
          HttpStatus.BAD_REQUEST,
          "first_name or last_name is required: an application is decided for a person");
    }
    return new RequestSubmission.Form(
        service.code(), attributes, description, location(content.kind(), sent), contact);
  }

  private static Location location(ServiceKind kind, SortedParameters sent) {
    String lat = single(sent, "lat");
    String lon = single(sent, "long");
    String address = text(sent, "address_string", 500);
    if (single(sent, "address_id") != null) {
      throw new Open311Failure(
          HttpStatus.BAD_REQUEST,
          "address_id is not known here: send lat and long, or address_string");
    }
    if (lat == null && lon == null) {
      if (address != null) {
        // the standard's other form of a location: kept as given, not geocoded (no outbound
        // calls); the clerk reads it, the public reads show no coordinates
        return Location.ofAddress(address);
      }
      if (kind == ServiceKind.REPORT) {
        throw new Open311Failure(
            HttpStatus.BAD_REQUEST,
            "lat and long, or address_string, are required: a report needs the issue's location");
      }
      return null;
    }
    if (lat == null || lon == null) {
      throw new Open311Failure(HttpStatus.BAD_REQUEST, "lat and long are given together");
    }
    double latitude = coordinate(lat, "lat", 90);
    double longitude = coordinate(lon, "long", 180);
    return new Location(latitude, longitude, address);
  }

  private static double coordinate(String text, String name, double bound) {
    double value;
    try {
      value = Double.parseDouble(text.strip());
    } catch (NumberFormatException notANumber) {
      throw new Open311Failure(HttpStatus.BAD_REQUEST, name + " must be a number (WGS 84)");
    }
    if (!(value >= -bound && value <= bound)) {
      throw new Open311Failure(
          HttpStatus.BAD_REQUEST, name + " lies between -" + (int) bound + " and " + (int) bound);
    }
    return value;
  }

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private static ApplicantContact contact(SortedParameters sent) {
    String first = text(sent, "first_name", 100);
    String last = text(sent, "last_name", 100);
    String name =
        Arrays.asList(first, last).stream()
            .filter(part -> part != null)
            .collect(Collectors.joining(" "));
    String email = text(sent, "email", 254);
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw new Open311Failure(HttpStatus.BAD_REQUEST, "email is not an e-mail address");
    }
    return new ApplicantContact(name.isEmpty() ? null : name, email, text(sent, "phone", 50), null);
  }

  private static String mediaUrl(String text) {
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text.strip());
      if (text.length() <= 2_000
          && uri.isAbsolute()
          && uri.getHost() != null
          && ("http".equalsIgnoreCase(uri.getScheme())
              || "https".equalsIgnoreCase(uri.getScheme()))) {
        return uri.toString();
      }
    } catch (URISyntaxException notAUri) {
      // refused below
    }
    throw new Open311Failure(HttpStatus.BAD_REQUEST, "media_url must be an http or https URL");
  }

  /** A text parameter, blank as absent, refused when longer than {@code max}. */
  private static String text(SortedParameters sent, String name, int max) {
    String value = single(sent, name);
    if (value != null && value.length() > max) {
      throw new Open311Failure(
          HttpStatus.BAD_REQUEST, name + " is longer than " + max + " characters");
    }
    return value;
  }

  /** A parameter that is given once at most; blank as absent. */
  private static String single(SortedParameters sent, String name) {
    List<String> values = sent.values().getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw new Open311Failure(HttpStatus.BAD_REQUEST, name + " is given more than once");
    }
    return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
  }

  /** The parameters as sent (query and form body), sorted: also the idempotency fingerprint. */
  record SortedParameters(TreeMap<String, List<String>> values) {

    static SortedParameters of(HttpServletRequest request) {
      TreeMap<String, List<String>> values = new TreeMap<>();
      request.getParameterMap().forEach((name, given) -> values.put(name, List.of(given)));
      return new SortedParameters(values);
    }

    /** Without the key: a repeat is the same request whatever key of the client it carries. */
    Map<String, List<String>> withoutKey() {
      TreeMap<String, List<String>> copy = new TreeMap<>(values);
      copy.remove("api_key");
      return copy;
    }
  }

  // --- shared

  private void checkJurisdiction(String jurisdiction) {
    properties.checkJurisdiction(jurisdiction);
  }

  private List<ServiceView> publishedServices() {
    return Answers.of(
        queries.query(
            new ListPublishedServices(), ResponseTypes.multipleInstancesOf(ServiceView.class)));
  }

  private Optional<ServiceView> publishedService(String code) {
    return Answers.of(
        queries.query(
            new FindPublishedService(code), ResponseTypes.optionalInstanceOf(ServiceView.class)));
  }

  private static List<String> commaList(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .distinct()
        .toList();
  }

  private static Boolean open(String status) {
    List<String> asked = commaList(status);
    boolean open = false;
    boolean closed = false;
    for (String one : asked) {
      switch (one.toLowerCase(Locale.ROOT)) {
        case "open" -> open = true;
        case "closed" -> closed = true;
        default ->
            throw new Open311Failure(HttpStatus.BAD_REQUEST, "status is open or closed, or both");
      }
    }
    return open == closed ? null : open;
  }

  /** A W3C date and time (with offset), or a date (the start of that day in the city). */
  private static Instant instant(String text, String name) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException notWithOffset) {
      try {
        return LocalDate.parse(text.strip()).atStartOfDay(CITY_TIME).toInstant();
      } catch (DateTimeParseException notADate) {
        throw new Open311Failure(
            HttpStatus.BAD_REQUEST,
            name + " must be a date and time with offset, e.g. 2026-05-01T00:00:00+02:00");
      }
    }
  }

  private static String w3c(Instant instant) {
    if (instant == null) {
      return null;
    }
    ZonedDateTime local = instant.truncatedTo(ChronoUnit.SECONDS).atZone(CITY_TIME);
    return W3C.format(local.toOffsetDateTime());
  }

  private static String language() {
    return org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
  }
}
