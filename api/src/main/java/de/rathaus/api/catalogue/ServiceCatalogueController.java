package de.rathaus.api.catalogue;

import de.rathaus.api.catalogue.ServiceResources.RetirementInput;
import de.rathaus.api.catalogue.ServiceResources.ServiceInput;
import de.rathaus.api.catalogue.ServiceResources.ServiceResource;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.catalogue.CatalogueAdministration;
import de.rathaus.application.catalogue.FindPublishedService;
import de.rathaus.application.catalogue.ListPublishedServices;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.domain.catalogue.PublishServiceDefinition;
import de.rathaus.domain.catalogue.RetireServiceDefinition;
import de.rathaus.domain.shared.ServiceCode;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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

  public ServiceCatalogueController(
      CommandGateway commands, QueryGateway queries, CatalogueAdministration administration) {
    this.commands = commands;
    this.queries = queries;
    this.administration = administration;
  }

  private static String language() {
    return LocaleContextHolder.getLocale().getLanguage();
  }

  @GetMapping
  public Map<String, Object> list() {
    List<ServiceView> views =
        queries
            .query(
                new ListPublishedServices(), ResponseTypes.multipleInstancesOf(ServiceView.class))
            .join();
    return Map.of("items", views.stream().map(v -> ServiceResource.of(v, language())).toList());
  }

  @GetMapping("/{code}")
  public ServiceResource get(@PathVariable String code) {
    return find(code).map(view -> ServiceResource.of(view, language())).orElseThrow(NotFound::new);
  }

  @PostMapping
  public ResponseEntity<Map<String, Object>> draft(@Valid @RequestBody ServiceInput input) {
    ServiceCode code = input.serviceCode();
    administration.draft(code, input.toDomain());
    return ResponseEntity.created(URI.create("/api/v1/services/" + code.value()))
        .body(Map.of("code", code.value(), "status", "DRAFT"));
  }

  @PutMapping("/{code}")
  public Map<String, Object> revise(
      @PathVariable String code, @Valid @RequestBody ServiceInput input) {
    administration.revise(new ServiceCode(code), input.toDomain());
    return Map.of("code", code, "status", "DRAFT");
  }

  @PostMapping("/{code}/publication")
  public ResponseEntity<ServiceResource> publish(@PathVariable String code) {
    int before = find(code).map(ServiceView::version).orElse(0);
    commands.sendAndWait(new PublishServiceDefinition(new ServiceCode(code)));
    ServiceView published =
        ReadYourWrites.await(
                () -> find(code), v -> v.map(view -> view.version() > before).orElse(false))
            .orElse(null);
    return ResponseEntity.ok(published == null ? null : ServiceResource.of(published, language()));
  }

  @PostMapping("/{code}/retirement")
  public Map<String, Object> retire(
      @PathVariable String code, @Valid @RequestBody RetirementInput input) {
    commands.sendAndWait(new RetireServiceDefinition(new ServiceCode(code), input.reason()));
    ReadYourWrites.await(() -> find(code), Optional::isEmpty);
    return Map.of("code", code, "status", "RETIRED");
  }

  private Optional<ServiceView> find(String code) {
    return queries
        .query(new FindPublishedService(code), ResponseTypes.optionalInstanceOf(ServiceView.class))
        .join();
  }
}
