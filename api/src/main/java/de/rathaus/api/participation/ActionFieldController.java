package de.rathaus.api.participation;

import de.rathaus.api.participation.ActionFieldResources.ActionFieldInput;
import de.rathaus.api.participation.ActionFieldResources.ActionFieldPage;
import de.rathaus.api.participation.ActionFieldResources.ActionFieldResource;
import de.rathaus.api.participation.ActionFieldResources.ActionFieldRetirementInput;
import de.rathaus.api.participation.ActionFieldResources.ActionFieldRevision;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.PageLinks;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.api.shared.Refusals;
import de.rathaus.application.participation.ActionFieldProjection;
import de.rathaus.application.participation.ActionFieldView;
import de.rathaus.application.participation.FindActionField;
import de.rathaus.application.participation.ListActionFields;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.CreateActionField;
import de.rathaus.domain.participation.RetireActionField;
import de.rathaus.domain.participation.ReviseActionField;
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
 * The action fields (Handlungsfelder) of the city's strategy as reference data: anyone reads them
 * (names in German or English by {@code Accept-Language}); administrators create, rename, describe
 * and retire them. Retired fields stay readable but are listed only when asked for. Each change
 * answers once the action fields' read model shows it.
 */
@RestController
@RequestMapping("/api/v1/action-fields")
public class ActionFieldController {

  private final CommandGateway commands;
  private final QueryGateway queries;
  private final ReadYourWrites readYourWrites;

  public ActionFieldController(
      CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites) {
    this.commands = commands;
    this.queries = queries;
    this.readYourWrites = readYourWrites;
  }

  private static String language() {
    return LocaleContextHolder.getLocale().getLanguage();
  }

  /**
   * The active action fields ordered by code, with {@code includeRetired=true} the retired ones
   * too. {@code cursor} is the opaque value in a page's {@code next}.
   */
  @GetMapping
  @SecurityRequirements
  public ActionFieldPage list(
      @RequestParam(defaultValue = "false") boolean includeRetired,
      @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size,
      @RequestParam(required = false) String cursor) {
    List<ActionFieldView> views =
        Answers.of(
            queries.query(
                new ListActionFields(includeRetired),
                ResponseTypes.multipleInstancesOf(ActionFieldView.class)));
    Page<ActionFieldView> page = Page.ofSorted(views, view -> view.code().value(), cursor, size);
    return new ActionFieldPage(
        page.items().stream().map(view -> ActionFieldResource.of(view, language())).toList(),
        PageLinks.next(page.next()));
  }

  @GetMapping("/{code}")
  @SecurityRequirements
  public ActionFieldResource get(@PathVariable String code) {
    return found(new ActionFieldCode(code));
  }

  /** Creates an active action field; a code in use already is 409. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Refusals(409)
  public ResponseEntity<ActionFieldResource> create(@Valid @RequestBody ActionFieldInput input) {
    CreateActionField command = input.toCommand();
    readYourWrites.run(() -> commands.sendAndWait(command), ActionFieldProjection.NAME);
    // with read-your-writes switched off the read model may not have it yet: answer the command
    ActionFieldResource created =
        find(command.code())
            .map(view -> ActionFieldResource.of(view, language()))
            .orElseGet(
                () ->
                    new ActionFieldResource(
                        command.code().value(),
                        command.name().in(language()),
                        command.description() == null ? null : command.description().in(language()),
                        true));
    return ResponseEntity.created(URI.create("/api/v1/action-fields/" + command.code().value()))
        .body(created);
  }

  /** Renames it or changes its description; an unchanged save records nothing. */
  @PutMapping("/{code}")
  @Refusals(409)
  public ActionFieldResource revise(
      @PathVariable String code, @Valid @RequestBody ActionFieldRevision input) {
    ReviseActionField command = input.toCommand(new ActionFieldCode(code));
    readYourWrites.run(() -> commands.sendAndWait(command), ActionFieldProjection.NAME);
    return found(command.code());
  }

  /** Retires it: still readable, no longer offered for new consultations. */
  @PostMapping("/{code}/retirement")
  @Refusals(409)
  public ActionFieldResource retire(
      @PathVariable String code, @Valid @RequestBody ActionFieldRetirementInput input) {
    RetireActionField command = new RetireActionField(new ActionFieldCode(code), input.reason());
    readYourWrites.run(() -> commands.sendAndWait(command), ActionFieldProjection.NAME);
    return found(command.code());
  }

  private ActionFieldResource found(ActionFieldCode code) {
    return find(code)
        .map(view -> ActionFieldResource.of(view, language()))
        .orElseThrow(NotFound::new);
  }

  private Optional<ActionFieldView> find(ActionFieldCode code) {
    return Answers.of(
        queries.query(
            new FindActionField(code), ResponseTypes.optionalInstanceOf(ActionFieldView.class)));
  }
}
