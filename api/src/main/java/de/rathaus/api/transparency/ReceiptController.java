package de.rathaus.api.transparency;

import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.transparency.TransparencyResources.ReceiptPending;
import de.rathaus.api.transparency.TransparencyResources.ReceiptResource;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

  private final Receipts receipts;

  public ReceiptController(Receipts receipts) {
    this.receipts = receipts;
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
    Receipts.Receipt receipt =
        receipts.of(request, new CitizenId(Actor.of(caller).id())).orElseThrow(NotFound::new);
    if (!receipt.ready()) {
      return ResponseEntity.status(HttpStatus.ACCEPTED)
          .header("Retry-After", Long.toString(receipt.retryAfterSeconds()))
          .header("Location", "/api/v1/requests/" + request.value() + "/receipt")
          .body(receipt.body());
    }
    return ResponseEntity.ok(receipt.body());
  }
}
