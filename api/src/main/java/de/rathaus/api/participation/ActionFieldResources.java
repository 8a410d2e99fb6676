package de.rathaus.api.participation;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.rathaus.application.participation.ActionFieldView;
import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.CreateActionField;
import de.rathaus.domain.participation.ReviseActionField;
import de.rathaus.domain.shared.LocalizedText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The shapes of the action fields' HTTP bodies. */
public final class ActionFieldResources {

  private ActionFieldResources() {}

  /**
   * An action field as everyone reads it, in one language.
   *
   * @param description what the field covers; absent if none was given
   * @param active whether new consultations may belong to it
   */
  public record ActionFieldResource(String code, String name, String description, boolean active) {

    public static ActionFieldResource of(ActionFieldView view, String language) {
      return new ActionFieldResource(
          view.code().value(),
          view.name().in(language),
          view.description() == null ? null : view.description().in(language),
          view.active());
    }
  }

  /**
   * A page of action fields, ordered by code.
   *
   * @param next the relative URL of the next page, or {@code null} on the last one
   */
  record ActionFieldPage(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ActionFieldResource> items,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonInclude(JsonInclude.Include.ALWAYS)
          String next) {}

  /** An action field's name: German, the official language, and English. */
  public record ActionFieldName(@NotBlank @Size(max = 200) String de, @Size(max = 200) String en) {
    LocalizedText toDomain() {
      return new LocalizedText(de, en);
    }
  }

  /** What an action field covers, in German and, optionally, English. */
  public record Description(@NotBlank @Size(max = 2000) String de, @Size(max = 2000) String en) {
    LocalizedText toDomain() {
      return new LocalizedText(de, en);
    }
  }

  /** What an administrator sends to create an action field. */
  public record ActionFieldInput(
      @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}") String code,
      @NotNull @Valid ActionFieldName name,
      @Valid Description description) {

    public CreateActionField toCommand() {
      return new CreateActionField(
          new ActionFieldCode(code),
          name.toDomain(),
          description == null ? null : description.toDomain());
    }
  }

  /** What an administrator sends to rename an action field or change its description. */
  record ActionFieldRevision(@NotNull @Valid ActionFieldName name, @Valid Description description) {

    ReviseActionField toCommand(ActionFieldCode code) {
      return new ReviseActionField(
          code, name.toDomain(), description == null ? null : description.toDomain());
    }
  }

  /** Why an administrator retires an action field. */
  record ActionFieldRetirementInput(@NotBlank @Size(max = 2000) String reason) {}
}
