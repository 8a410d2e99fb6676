package de.rathaus.api.participation;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.domain.participation.ProposalContent;
import de.rathaus.domain.servicerequest.Location;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The shapes of the proposals' HTTP bodies. */
public final class ProposalResources {

  private ProposalResources() {}

  /** How a consultation's proposals are ordered: newest first, or most supported first. */
  enum ProposalOrder {
    NEWEST,
    SUPPORTS
  }

  /**
   * Where a proposal is about: WGS 84 coordinates and optionally an address.
   *
   * @param address personal data: shown to the author only
   */
  public record LocationInput(
      @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
      @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
      @Size(max = 500) String address) {

    Location toDomain() {
      return new Location(lat, lon, address);
    }

    @JsonAnySetter
    void unknown(String name, Object value) {
      ConsultationResources.refuseUnknown(name);
    }
  }

  /**
   * What a citizen sends to propose something, or to save a new version of their proposal.
   *
   * @param displayName the name the proposal appears under (the author chooses it; never their
   *     account)
   * @param location where it is about, optional
   */
  public record ProposalInput(
      @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = 10_000) String text,
      @Valid LocationInput location,
      @NotBlank @Size(max = 100) String displayName) {

    @JsonAnySetter
    void unknown(String name, Object value) {
      ConsultationResources.refuseUnknown(name);
    }

    ProposalContent toContent() {
      return new ProposalContent(
          displayName.strip(),
          title.strip(),
          text.strip(),
          location == null ? null : location.toDomain());
    }

    /** Without what the citizen wrote. */
    @Override
    public String toString() {
      return "ProposalInput[personal data]";
    }
  }

  /**
   * Where a proposal is about, as the public sees it: the coordinates; the address only for the
   * author.
   */
  record LocationResource(
      double lat, double lon, @JsonInclude(JsonInclude.Include.NON_NULL) String address) {}

  /**
   * A proposal as it is read. Never names its author's account.
   *
   * @param id {@code proposal-} and a UUID
   * @param displayName the name its author chose to appear under
   * @param location where it is about (the address only for its author), or absent
   * @param edited whether its author edited it after submitting it
   * @param editedAt when it was last edited, or {@code null}
   * @param mine whether the caller is its author
   * @param supports how many citizens support it (0 for a feedback item)
   * @param supportedByMe whether the caller's support stands
   * @param rating how a feedback item was rated; absent for a citizen's proposal
   */
  record ProposalResource(
      String id,
      String consultationId,
      String title,
      String text,
      String displayName,
      @JsonInclude(JsonInclude.Include.NON_NULL) LocationResource location,
      Instant createdAt,
      boolean edited,
      @JsonInclude(JsonInclude.Include.ALWAYS) Instant editedAt,
      boolean mine,
      long supports,
      boolean supportedByMe,
      @JsonInclude(JsonInclude.Include.NON_NULL) SupportResources.RatingAnswer rating) {

    static ProposalResource of(ProposalView view, boolean mine) {
      return of(view, mine, SupportResources.Own.NONE);
    }

    static ProposalResource of(ProposalView view, boolean mine, SupportResources.Own own) {
      Location place = view.location();
      return new ProposalResource(
          view.id().value(),
          view.consultation().value(),
          view.title(),
          view.text(),
          view.displayName(),
          place == null
              ? null
              : new LocationResource(place.lat(), place.lon(), mine ? place.address() : null),
          view.submittedAt(),
          view.edited(),
          view.editedAt(),
          mine,
          view.tally().supports(),
          own.supported(),
          view.feedbackItem()
              ? SupportResources.RatingAnswer.of(view.tally().ratings(), own.stars())
              : null);
    }

    /** Without what the author wrote. */
    @Override
    public String toString() {
      return "ProposalResource[id=" + id + ", personal data]";
    }
  }

  /**
   * A page of a consultation's proposals, newest first.
   *
   * @param next the relative URL of the next page, or {@code null} on the last one
   */
  record ProposalPage(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ProposalResource> items,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonInclude(JsonInclude.Include.ALWAYS)
          String next) {}

  /** What an {@code Idempotency-Key} keeps of a submission: its id only, nothing personal. */
  record Created(String id) {}
}
