package de.rathaus.api.transparency;

import de.rathaus.api.transparency.TransparencyResources.CheckpointResource;
import de.rathaus.api.transparency.TransparencyResources.ReceiptPending;
import de.rathaus.api.transparency.TransparencyResources.ReceiptResource;
import de.rathaus.application.servicerequest.FindMyRequest;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.transparency.CanonicalJson;
import de.rathaus.application.transparency.CheckpointView;
import de.rathaus.application.transparency.Checkpoints;
import de.rathaus.application.transparency.HistoryLog;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;
import java.util.Base64;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * A citizen's receipt for their submission, for the API ({@link ReceiptController}) and the
 * portal's download alike: the stored event (canonical JSON), the signed checkpoint that covers it
 * and the audit path to its root; or, before a checkpoint covers it, that it is pending. Nothing
 * for a request that is not the caller's own.
 */
public class Receipts {

  /**
   * What a citizen is given.
   *
   * @param caseNumber the request's case number (Aktenzeichen)
   * @param body the receipt (or what is pending), as the API answers it in JSON
   * @param ready whether a signed checkpoint covers the submission
   * @param retryAfterSeconds when pending, how long until the next checkpoint at most
   */
  public record Receipt(String caseNumber, Object body, boolean ready, long retryAfterSeconds) {}

  private final QueryGateway queries;
  private final HistoryLog history;
  private final Checkpoints checkpoints;
  private final TransparencyProperties properties;

  public Receipts(
      QueryGateway queries,
      HistoryLog history,
      Checkpoints checkpoints,
      TransparencyProperties properties) {
    this.queries = queries;
    this.history = history;
    this.checkpoints = checkpoints;
    this.properties = properties;
  }

  /** The receipt of {@code applicant}'s request, or nothing when it is not theirs (or unknown). */
  public Optional<Receipt> of(ServiceRequestId request, CitizenId applicant) {
    Optional<RequestView> mine =
        Answers.of(
            queries.query(
                new FindMyRequest(request, applicant),
                ResponseTypes.optionalInstanceOf(RequestView.class)));
    if (mine.isEmpty()) {
      return Optional.empty();
    }
    Optional<HistoryLog.Leaf> found = history.leafOf(request.value(), 0);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    HistoryLog.Leaf leaf = found.get();
    Base64.Encoder base64 = Base64.getEncoder();
    Optional<CheckpointView> latest =
        checkpoints.latest().filter(c -> c.treeSize() > leaf.leafIndex());
    if (latest.isEmpty()) {
      long seconds = Math.max(1, properties.checkpointInterval().toSeconds());
      return Optional.of(
          new Receipt(
              mine.get().caseNumber().value(),
              new ReceiptPending(
                  request.value(),
                  leaf.position(),
                  base64.encodeToString(leaf.leafHash()),
                  seconds),
              false,
              seconds));
    }
    CheckpointView checkpoint = latest.get();
    return Optional.of(
        new Receipt(
            mine.get().caseNumber().value(),
            new ReceiptResource(
                request.value(),
                leaf.position(),
                leaf.leafIndex(),
                CanonicalJson.text(leaf.line()),
                base64.encodeToString(leaf.leafHash()),
                CheckpointResource.of(checkpoint),
                TransparencyResources.base64(
                    history.inclusionProof(leaf.leafIndex(), checkpoint.treeSize()))),
            true,
            0));
  }
}
