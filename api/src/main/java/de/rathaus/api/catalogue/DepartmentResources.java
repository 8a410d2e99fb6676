package de.rathaus.api.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.domain.catalogue.CreateDepartment;
import de.rathaus.domain.catalogue.DepartmentContact;
import de.rathaus.domain.catalogue.ReviseDepartment;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The shapes of the departments' HTTP bodies. */
public final class DepartmentResources {

  private DepartmentResources() {}

  /**
   * A department as everyone reads it, in one language.
   *
   * @param active whether services may name it and cases may be forwarded to it
   */
  public record DepartmentResource(
      String code, String name, String email, String phone, boolean active) {

    public static DepartmentResource of(DepartmentView view, String language) {
      return new DepartmentResource(
          view.code().value(),
          view.name().in(language),
          view.contact().email(),
          view.contact().phone(),
          view.active());
    }
  }

  /**
   * A page of departments, ordered by code.
   *
   * @param next the relative URL of the next page, or {@code null} on the last one
   */
  record DepartmentPage(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<DepartmentResource> items,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonInclude(JsonInclude.Include.ALWAYS)
          String next) {}

  /** A department's name: German, the official language, and English. */
  record DepartmentName(@NotBlank @Size(max = 200) String de, @Size(max = 200) String en) {
    LocalizedText toDomain() {
      return new LocalizedText(de, en);
    }
  }

  /** What an administrator sends to create a department. */
  record DepartmentInput(
      @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}") String code,
      @NotNull @Valid DepartmentName name,
      @Size(max = 254) String email,
      @Size(max = 40) String phone) {

    CreateDepartment toCommand() {
      return new CreateDepartment(
          new DepartmentCode(code), name.toDomain(), new DepartmentContact(email, phone));
    }
  }

  /** What an administrator sends to rename a department or change its contact. */
  record DepartmentRevision(
      @NotNull @Valid DepartmentName name,
      @Size(max = 254) String email,
      @Size(max = 40) String phone) {

    ReviseDepartment toCommand(DepartmentCode code) {
      return new ReviseDepartment(code, name.toDomain(), new DepartmentContact(email, phone));
    }
  }
}
