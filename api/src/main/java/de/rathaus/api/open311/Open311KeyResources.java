package de.rathaus.api.open311;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.rathaus.application.open311.IssuedOpen311Key;
import de.rathaus.application.open311.Open311KeyView;
import de.rathaus.domain.open311.Open311KeyRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The shapes of the Open311 key administration's HTTP bodies. */
public final class Open311KeyResources {

  private Open311KeyResources() {}

  /** What an administrator sends to issue a key: what it is for (an app, a dashboard). */
  record Open311KeyInput(@NotBlank @Size(max = Open311KeyRules.MAX_NAME_LENGTH) String name) {}

  /** What an administrator may send to revoke a key: why, if they want to say. */
  record Open311KeyRevocationInput(@Size(max = 500) String reason) {}

  /**
   * A key just issued: the one answer that holds the key itself. It is stored nowhere (only its
   * SHA-256 is), so it cannot be shown again; a lost key is revoked and a new one issued.
   *
   * @param key what the client sends as {@code api_key}: {@code <id>.<secret>}
   * @param createdAt when it was issued
   * @param issuedAt the same instant
   */
  record IssuedKeyResource(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String key,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant issuedAt) {

    static IssuedKeyResource of(IssuedOpen311Key issued) {
      return new IssuedKeyResource(
          issued.id().value(), issued.name(), issued.key(), issued.issuedAt(), issued.issuedAt());
    }

    /** Without the key: it must never reach a log line. */
    @Override
    public String toString() {
      return "IssuedKeyResource[id=" + id + ", name=" + name + "]";
    }
  }

  /**
   * A key as the administration lists it: never the key, never its hash.
   *
   * @param revoked whether it is refused
   * @param revokedAt when it was revoked, {@code null} while it is valid
   */
  record KeyResource(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean revoked,
      @JsonInclude(JsonInclude.Include.ALWAYS) Instant revokedAt) {

    static KeyResource of(Open311KeyView view) {
      return new KeyResource(
          view.id().value(), view.name(), view.issuedAt(), !view.valid(), view.revokedAt());
    }
  }

  /**
   * A page of keys, oldest issued first.
   *
   * @param next the relative URL of the next page, or {@code null} on the last one
   */
  record KeyPage(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<KeyResource> items,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonInclude(JsonInclude.Include.ALWAYS)
          String next) {}
}
