package de.rathaus.api.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.rathaus.api.catalogue.ServiceResources.CatalogueRetirementInput;
import de.rathaus.api.catalogue.ServiceResources.ServiceInput;
import de.rathaus.api.catalogue.ServiceResources.ServiceResource;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.PageLinks;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.api.shared.Refusals;
import de.rathaus.application.catalogue.CatalogueAdministration;
import de.rathaus.application.catalogue.FindPublishedService;
import de.rathaus.application.catalogue.ListPublishedServices;
import de.rathaus.application.catalogue.ServiceCatalogueProjection;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.catalogue.PublishServiceDefinition;
import de.rathaus.domain.catalogue.RetireServiceDefinition;
import de.rathaus.domain.shared.ServiceCode;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service catalogue: anyone reads the published services (in German or English by {@code
 * Accept-Language}); administrators draft, revise, publish and retire them. A draft or revision
 * must name a known, active department (else 422 on {@code department}). After a publication or
 * retirement the answer waits, within a bound, until the public catalogue shows it.
 */
@RestController
@RequestMapping("/api/v1/services")
public class ServiceCatalogueController {

  private final CommandGateway commands;
  private final QueryGateway queries;
  private final CatalogueAdministration administration;
  private final ReadYourWrites readYourWrites;

  public ServiceCatalogueController(
      CommandGateway commands,
      QueryGateway queries,
      CatalogueAdministration administration,
      ReadYourWrites readYourWrites) {
    this.commands = commands;
    this.queries = queries;
    this.administration = administration;
    this.readYourWrites = readYourWrites;
  }

  private static String language() {
    return LocaleContextHolder.getLocale().getLanguage();
  }

  /** The published services ordered by code, a page at a time. */
  @GetMapping
  @SecurityRequirements
  public ServicePage list(
      @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size,
      @RequestParam(required = false) String cursor) {
    List<ServiceView> views =
        Answers.of(
            queries.query(
                new ListPublishedServices(), ResponseTypes.multipleInstancesOf(ServiceView.class)));
    Page<ServiceView> page = Page.ofSorted(views, ServiceView::code, cursor, size);
    return new ServicePage(
        page.items().stream().map(v -> ServiceResource.of(v, language())).toList(),
        PageLinks.next(page.next()));
  }

  @GetMapping("/{code}")
  @SecurityRequirements
  public ServiceResource get(@PathVariable String code) {
    return find(code).map(view -> ServiceResource.of(view, language())).orElseThrow(NotFound::new);
  }

  /** Drafts a new service; a code in use already is 409, an unknown department 422. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Refusals({409, 422})
  public ResponseEntity<Drafted> draft(@Valid @RequestBody ServiceInput input) {
    ServiceCode code = input.serviceCode();
    administration.draft(code, input.toDomain());
    return ResponseEntity.created(URI.create("/api/v1/services/" + code.value()))
        .body(new Drafted(code.value(), "DRAFT"));
  }

  /** Saves a draft (of the next version, if the service is published); unchanged saves nothing. */
  @PutMapping("/{code}")
  @Refusals({409, 422})
  public Drafted revise(@PathVariable String code, @Valid @RequestBody ServiceInput input) {
    administration.revise(new ServiceCode(code), input.toDomain());
    return new Drafted(code, "DRAFT");
  }

  /** The answer to a draft or revision: the service's code and that a draft is pending. */
  record Drafted(String code, @Schema(allowableValues = "DRAFT") String status) {}

  /** A page of the published catalogue; {@code next} is the URL of the next page, or null. */
  record ServicePage(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ServiceResource> items,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonInclude(JsonInclude.Include.ALWAYS)
          String next) {}

  @PostMapping("/{code}/publication")
  @Refusals(409)
  public ServiceResource publish(@PathVariable String code) {
    readYourWrites.run(
        () -> commands.sendAndWait(new PublishServiceDefinition(new ServiceCode(code))),
        ServiceCatalogueProjection.NAME);
    return find(code).map(view -> ServiceResource.of(view, language())).orElseThrow(NotFound::new);
  }

  @PostMapping("/{code}/retirement")
  @Refusals(409)
  public Retired retire(
      @PathVariable String code, @Valid @RequestBody CatalogueRetirementInput input) {
    readYourWrites.run(
        () ->
            commands.sendAndWait(
                new RetireServiceDefinition(new ServiceCode(code), input.reason())),
        ServiceCatalogueProjection.NAME);
    return new Retired(code, "RETIRED");
  }

  /** The answer to a retirement: the service left the catalogue. */
  record Retired(String code, @Schema(allowableValues = "RETIRED") String status) {}

  private Optional<ServiceView> find(String code) {
    return Answers.of(
        queries.query(
            new FindPublishedService(code), ResponseTypes.optionalInstanceOf(ServiceView.class)));
  }
}
