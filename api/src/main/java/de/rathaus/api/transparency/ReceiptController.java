package de.rathaus.api.transparency;

import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.NotFound;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Base64;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A citizen's receipt for their submission: the stored event itself (canonical JSON, personal
 * values as stored), the signed checkpoint that covers it and the audit path to its root. Only the
 * applicant gets it (anyone else: 404, as for the request itself); before a checkpoint covers the
 * submission, 202 with {@code Retry-After}.
 */
@RestController
public class ReceiptController {

  private final QueryGateway queries;
  private final HistoryLog history;
  private final Checkpoints checkpoints;
  private final TransparencyProperties properties;

  public ReceiptController(
      QueryGateway queries,
      HistoryLog history,
      Checkpoints checkpoints,
      TransparencyProperties properties) {
    this.queries = queries;
    this.history = history;
    this.checkpoints = checkpoints;
    this.properties = properties;
  }

  @GetMapping("/api/v1/requests/{id}/receipt")
  @ApiResponse(
      responseCode = "200",
      description = "the receipt: the leaf, the signed checkpoint and the inclusion proof",
      content = @Content(schema = @Schema(implementation = ReceiptResource.class)))
  @ApiResponse(
      responseCode = "202",
      description = "stored, not covered by a signed checkpoint yet: ask again after Retry-After",
      content = @Content(schema = @Schema(implementation = ReceiptPending.class)))
  public ResponseEntity<?> receipt(@PathVariable String id, Authentication caller) {
    ServiceRequestId request = new ServiceRequestId(id);
    Optional<RequestView> mine =
        Answers.of(
            queries.query(
                new FindMyRequest(request, new CitizenId(Actor.of(caller).id())),
                ResponseTypes.optionalInstanceOf(RequestView.class)));
    if (mine.isEmpty()) {
      throw new NotFound();
    }
    HistoryLog.Leaf leaf = history.leafOf(request.value(), 0).orElseThrow(NotFound::new);
    Base64.Encoder base64 = Base64.getEncoder();
    Optional<CheckpointView> latest =
        checkpoints.latest().filter(c -> c.treeSize() > leaf.leafIndex());
    if (latest.isEmpty()) {
      long seconds = Math.max(1, properties.checkpointInterval().toSeconds());
      return ResponseEntity.status(HttpStatus.ACCEPTED)
          .header("Retry-After", Long.toString(seconds))
          .header("Location", "/api/v1/requests/" + request.value() + "/receipt")
          .body(
              new ReceiptPending(
                  request.value(),
                  leaf.position(),
                  base64.encodeToString(leaf.leafHash()),
                  seconds));
    }
    CheckpointView checkpoint = latest.get();
    return ResponseEntity.ok(
        new ReceiptResource(
            request.value(),
            leaf.position(),
            leaf.leafIndex(),
            CanonicalJson.text(leaf.line()),
            base64.encodeToString(leaf.leafHash()),
            CheckpointResource.of(checkpoint),
            TransparencyResources.base64(
                history.inclusionProof(leaf.leafIndex(), checkpoint.treeSize()))));
  }
}
