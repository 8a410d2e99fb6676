package de.rathaus.api.catalogue;

import de.rathaus.api.catalogue.DepartmentResources.DepartmentInput;
import de.rathaus.api.catalogue.DepartmentResources.DepartmentPage;
import de.rathaus.api.catalogue.DepartmentResources.DepartmentResource;
import de.rathaus.api.catalogue.DepartmentResources.DepartmentRevision;
import de.rathaus.api.catalogue.ServiceResources.RetirementInput;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.FindDepartment;
import de.rathaus.application.catalogue.ListDepartments;
import de.rathaus.domain.catalogue.CreateDepartment;
import de.rathaus.domain.catalogue.RetireDepartment;
import de.rathaus.domain.catalogue.ReviseDepartment;
import de.rathaus.domain.shared.DepartmentCode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

  private static final String PROBLEM = "application/problem+json";

  private final CommandGateway commands;
  private final QueryGateway queries;

  public DepartmentController(CommandGateway commands, QueryGateway queries) {
    this.commands = commands;
    this.queries = queries;
  }

  private static String language() {
    return LocaleContextHolder.getLocale().getLanguage();
  }

  /**
   * The active departments ordered by code, with {@code includeRetired=true} the retired ones too.
   * {@code cursor} is the opaque value in a page's {@code next}.
   */
  @GetMapping
  @ApiResponse(responseCode = "200", description = "a page of departments")
  @ApiResponse(
      responseCode = "400",
      description = "size outside 1–500 or a cursor this API did not give",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  public DepartmentPage list(
      @RequestParam(defaultValue = "false") boolean includeRetired,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
      @RequestParam(required = false) String cursor) {
    String after = cursor == null ? null : Cursor.read(cursor);
    List<DepartmentView> views =
        queries
            .query(
                new ListDepartments(includeRetired),
                ResponseTypes.multipleInstancesOf(DepartmentView.class))
            .join()
            .stream()
            .filter(view -> after == null || view.code().value().compareTo(after) > 0)
            .toList();
    List<DepartmentView> page = views.stream().limit(size).toList();
    String next =
        views.size() > size
            ? "/api/v1/departments?size=%d&cursor=%s%s"
                .formatted(
                    size,
                    Cursor.of(page.get(page.size() - 1).code().value()),
                    includeRetired ? "&includeRetired=true" : "")
            : null;
    return new DepartmentPage(
        page.stream().map(view -> DepartmentResource.of(view, language())).toList(), next);
  }

  @GetMapping("/{code}")
  @ApiResponse(responseCode = "200", description = "the department, active or retired")
  @ApiResponse(
      responseCode = "404",
      description = "no department has this code",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  public DepartmentResource get(@PathVariable String code) {
    return find(new DepartmentCode(code))
        .map(view -> DepartmentResource.of(view, language()))
        .orElseThrow(NotFound::new);
  }

  @PostMapping
  @ApiResponse(responseCode = "201", description = "created and active")
  @ApiResponse(
      responseCode = "400",
      description = "a field is missing or malformed (listed in errors)",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "409",
      description = "a department with this code exists already",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  public ResponseEntity<DepartmentResource> create(@Valid @RequestBody DepartmentInput input) {
    CreateDepartment command = input.toCommand();
    commands.sendAndWait(command);
    DepartmentView created =
        ReadYourWrites.await(() -> find(command.code()), Optional::isPresent).orElse(null);
    return ResponseEntity.created(URI.create("/api/v1/departments/" + command.code().value()))
        .body(created == null ? null : DepartmentResource.of(created, language()));
  }

  @PutMapping("/{code}")
  @ApiResponse(responseCode = "200", description = "saved (an unchanged save records nothing)")
  @ApiResponse(
      responseCode = "400",
      description = "a field is missing or malformed (listed in errors)",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "404",
      description = "no department has this code",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "409",
      description = "the department is retired (code ALREADY_RETIRED)",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  public DepartmentResource revise(
      @PathVariable String code, @Valid @RequestBody DepartmentRevision input) {
    ReviseDepartment command = input.toCommand(new DepartmentCode(code));
    commands.sendAndWait(command);
    return ReadYourWrites.await(
            () -> find(command.code()),
            found ->
                found
                    .filter(view -> view.name().equals(command.name()))
                    .filter(view -> view.contact().equals(command.contact()))
                    .isPresent())
        .map(view -> DepartmentResource.of(view, language()))
        .orElseThrow(NotFound::new);
  }

  @PostMapping("/{code}/retirement")
  @ApiResponse(responseCode = "200", description = "retired: readable, no longer offered")
  @ApiResponse(
      responseCode = "404",
      description = "no department has this code",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "409",
      description = "the department is retired already (code ALREADY_RETIRED)",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  public DepartmentResource retire(
      @PathVariable String code, @Valid @RequestBody RetirementInput input) {
    RetireDepartment command = new RetireDepartment(new DepartmentCode(code), input.reason());
    commands.sendAndWait(command);
    return ReadYourWrites.await(
            () -> find(command.code()), found -> found.filter(view -> !view.active()).isPresent())
        .map(view -> DepartmentResource.of(view, language()))
        .orElseThrow(NotFound::new);
  }

  private Optional<DepartmentView> find(DepartmentCode code) {
    return queries
        .query(new FindDepartment(code), ResponseTypes.optionalInstanceOf(DepartmentView.class))
        .join();
  }

  /** The position in the list after which the next page starts: a code, base64url-encoded. */
  static final class Cursor {

    private Cursor() {}

    static String of(String code) {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(code.getBytes(StandardCharsets.UTF_8));
    }

    static String read(String cursor) {
      try {
        return new DepartmentCode(
                new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8))
            .value();
      } catch (IllegalArgumentException notOurs) {
        throw new IllegalArgumentException("The cursor is not one this API gave");
      }
    }
  }
}
