package de.rathaus.api.catalogue;

import de.rathaus.api.shared.Choices;
import de.rathaus.api.shared.OneOf;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.domain.catalogue.AllowedValue;
import de.rathaus.domain.catalogue.AttributeDatatype;
import de.rathaus.domain.catalogue.LeikaKey;
import de.rathaus.domain.catalogue.ServiceAttribute;
import de.rathaus.domain.catalogue.ServiceDefinitionContent;
import de.rathaus.domain.catalogue.ServiceKind;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import de.rathaus.domain.shared.ServiceCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Comparator;
import java.util.List;

/** The shapes of the catalogue's HTTP bodies (docs/design.md section 6). */
public final class ServiceResources {

  private ServiceResources() {}

  /** A service as the public sees it, in one language. */
  public record ServiceResource(
      String code,
      int version,
      String name,
      String description,
      String department,
      String group,
      List<String> keywords,
      @OneOf(ServiceKind.class) String kind,
      long fee,
      int processingDays,
      List<String> requiredDocuments,
      String leikaKey,
      int retentionYears,
      List<AttributeResource> attributes) {

    public static ServiceResource of(ServiceView view, String language) {
      ServiceDefinitionContent content = view.content();
      return new ServiceResource(
          view.code(),
          view.version(),
          content.name().in(language),
          content.description().in(language),
          content.department().value(),
          content.group(),
          content.keywords(),
          content.kind().name(),
          content.feeCents(),
          content.processingDays(),
          content.requiredDocuments().stream().map(d -> d.in(language)).toList(),
          content.leikaKey() == null ? null : content.leikaKey().value(),
          content.retentionYears(),
          content.attributes().stream()
              .sorted(Comparator.comparingInt(ServiceAttribute::order))
              .map(a -> AttributeResource.of(a, language))
              .toList());
    }
  }

  record AttributeResource(
      String code,
      @OneOf(value = AttributeDatatype.class, written = OneOf.Written.LOWER_CASE) String datatype,
      boolean required,
      int order,
      String description,
      List<ValueResource> values) {

    static AttributeResource of(ServiceAttribute attribute, String language) {
      return new AttributeResource(
          attribute.code(),
          attribute.datatype().name().toLowerCase(java.util.Locale.ROOT),
          attribute.required(),
          attribute.order(),
          attribute.description().in(language),
          attribute.values().stream()
              .map(v -> new ValueResource(v.key(), v.name().in(language)))
              .toList());
    }
  }

  record ValueResource(String key, String name) {}

  record ServiceText(@NotBlank String de, String en) {
    LocalizedText toDomain() {
      return new LocalizedText(de, en);
    }
  }

  /** What an administrator sends to draft or revise a service (texts in both languages). */
  record ServiceInput(
      String code,
      @NotNull @Valid ServiceText name,
      @NotNull @Valid ServiceText description,
      @NotBlank String department,
      @NotBlank String group,
      List<String> keywords,
      @NotBlank @OneOf(value = ServiceKind.class, written = OneOf.Written.ANY_CASE) String kind,
      @Min(0) long fee,
      @Min(1) int processingDays,
      List<@Valid ServiceText> requiredDocuments,
      String leikaKey,
      @Min(0) @Max(ServiceDefinitionContent.MAX_RETENTION_YEARS) Integer retentionYears,
      List<@Valid AttributeInput> attributes) {

    /** The code of a new service; malformed or missing is refused like any malformed value. */
    ServiceCode serviceCode() {
      return new ServiceCode(code == null ? "" : code);
    }

    ServiceDefinitionContent toDomain() {
      return new ServiceDefinitionContent(
          name.toDomain(),
          description.toDomain(),
          new DepartmentCode(department),
          group,
          keywords == null ? List.of() : keywords,
          Choices.of(ServiceKind.class, "kind", kind),
          attributes == null
              ? List.of()
              : attributes.stream().map(AttributeInput::toDomain).toList(),
          fee,
          processingDays,
          requiredDocuments == null
              ? List.of()
              : requiredDocuments.stream().map(ServiceText::toDomain).toList(),
          leikaKey == null || leikaKey.isBlank() ? null : new LeikaKey(leikaKey),
          retentionYears == null ? 0 : retentionYears);
    }
  }

  record AttributeInput(
      @NotBlank String code,
      @NotBlank @OneOf(value = AttributeDatatype.class, written = OneOf.Written.ANY_CASE)
          String datatype,
      boolean required,
      int order,
      @NotNull @Valid ServiceText description,
      List<@Valid ValueInput> values) {

    ServiceAttribute toDomain() {
      return new ServiceAttribute(
          code,
          Choices.of(AttributeDatatype.class, "datatype", datatype),
          required,
          order,
          description.toDomain(),
          values == null ? List.of() : values.stream().map(ValueInput::toDomain).toList());
    }
  }

  record ValueInput(@NotBlank String key, @NotNull @Valid ServiceText name) {
    AllowedValue toDomain() {
      return new AllowedValue(key, name.toDomain());
    }
  }

  record CatalogueRetirementInput(@NotBlank String reason) {}
}
