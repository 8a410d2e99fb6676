package de.rathaus.api.catalogue;

import de.rathaus.api.catalogue.DepartmentResources.DepartmentInput;
import de.rathaus.api.catalogue.DepartmentResources.DepartmentPage;
import de.rathaus.api.catalogue.DepartmentResources.DepartmentResource;
import de.rathaus.api.catalogue.DepartmentResources.DepartmentRevision;
import de.rathaus.api.catalogue.ServiceResources.CatalogueRetirementInput;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.PageLinks;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.api.shared.Refusals;
import de.rathaus.application.catalogue.DepartmentProjection;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.FindDepartment;
import de.rathaus.application.catalogue.ListDepartments;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.catalogue.CreateDepartment;
import de.rathaus.domain.catalogue.RetireDepartment;
import de.rathaus.domain.catalogue.ReviseDepartment;
import de.rathaus.domain.shared.DepartmentCode;
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
 * The departments (Ämter) as reference data: anyone reads them (names in German or English by
 * {@code Accept-Language}); administrators create, rename, change the contact of and retire them.
 * Retired departments stay readable but are listed only when asked for. Each change answers once
 * the departments' read model shows it.
 */
@RestController
@RequestMapping("/api/v1/departments")
public class DepartmentController {

  private final CommandGateway commands;
  private final QueryGateway queries;
  private final ReadYourWrites readYourWrites;

  public DepartmentController(
      CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites) {
    this.commands = commands;
    this.queries = queries;
    this.readYourWrites = readYourWrites;
  }

  private static String language() {
    return LocaleContextHolder.getLocale().getLanguage();
  }

  /**
   * The active departments ordered by code, with {@code includeRetired=true} the retired ones too.
   * {@code cursor} is the opaque value in a page's {@code next}.
   */
  @GetMapping
  @SecurityRequirements
  public DepartmentPage list(
      @RequestParam(defaultValue = "false") boolean includeRetired,
      @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size,
      @RequestParam(required = false) String cursor) {
    List<DepartmentView> views =
        Answers.of(
            queries.query(
                new ListDepartments(includeRetired),
                ResponseTypes.multipleInstancesOf(DepartmentView.class)));
    Page<DepartmentView> page = Page.ofSorted(views, view -> view.code().value(), cursor, size);
    return new DepartmentPage(
        page.items().stream().map(view -> DepartmentResource.of(view, language())).toList(),
        PageLinks.next(page.next()));
  }

  @GetMapping("/{code}")
  @SecurityRequirements
  public DepartmentResource get(@PathVariable String code) {
    return find(new DepartmentCode(code))
        .map(view -> DepartmentResource.of(view, language()))
        .orElseThrow(NotFound::new);
  }

  /** Creates an active department; a code in use already is 409. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Refusals(409)
  public ResponseEntity<DepartmentResource> create(@Valid @RequestBody DepartmentInput input) {
    CreateDepartment command = input.toCommand();
    readYourWrites.run(() -> commands.sendAndWait(command), DepartmentProjection.NAME);
    // with read-your-writes switched off the read model may not have it yet: answer the command
    DepartmentResource created =
        find(command.code())
            .map(view -> DepartmentResource.of(view, language()))
            .orElseGet(
                () ->
                    new DepartmentResource(
                        command.code().value(),
                        command.name().in(language()),
                        command.contact().email(),
                        command.contact().phone(),
                        true));
    return ResponseEntity.created(URI.create("/api/v1/departments/" + command.code().value()))
        .body(created);
  }

  /** Renames it or changes its contact; an unchanged save records nothing. */
  @PutMapping("/{code}")
  @Refusals(409)
  public DepartmentResource revise(
      @PathVariable String code, @Valid @RequestBody DepartmentRevision input) {
    ReviseDepartment command = input.toCommand(new DepartmentCode(code));
    readYourWrites.run(() -> commands.sendAndWait(command), DepartmentProjection.NAME);
    return found(command.code());
  }

  /** Retires it: still readable, no longer offered for services and forwarding. */
  @PostMapping("/{code}/retirement")
  @Refusals(409)
  public DepartmentResource retire(
      @PathVariable String code, @Valid @RequestBody CatalogueRetirementInput input) {
    RetireDepartment command = new RetireDepartment(new DepartmentCode(code), input.reason());
    readYourWrites.run(() -> commands.sendAndWait(command), DepartmentProjection.NAME);
    return found(command.code());
  }

  private DepartmentResource found(DepartmentCode code) {
    return find(code)
        .map(view -> DepartmentResource.of(view, language()))
        .orElseThrow(NotFound::new);
  }

  private Optional<DepartmentView> find(DepartmentCode code) {
    return Answers.of(
        queries.query(
            new FindDepartment(code), ResponseTypes.optionalInstanceOf(DepartmentView.class)));
  }
}
