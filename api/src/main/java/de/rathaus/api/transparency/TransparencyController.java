package de.rathaus.api.transparency;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.PageLinks;
import de.rathaus.api.transparency.TransparencyResources.CheckpointPage;
import de.rathaus.api.transparency.TransparencyResources.CheckpointResource;
import de.rathaus.api.transparency.TransparencyResources.ConsistencyProofResource;
import de.rathaus.api.transparency.TransparencyResources.InclusionProofResource;
import de.rathaus.api.transparency.TransparencyResources.VerificationResource;
import de.rathaus.application.shared.Page;
import de.rathaus.application.transparency.CheckpointView;
import de.rathaus.application.transparency.Checkpoints;
import de.rathaus.application.transparency.HistoryLine;
import de.rathaus.application.transparency.HistoryLog;
import de.rathaus.application.transparency.LogKeySet;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tamper-evident log for everyone: its signed checkpoints, inclusion and consistency proofs
 * (RFC 9162), and its public key at a well-known address; and, for auditors, the verification of
 * the whole stored history against the latest checkpoint (a full re-hash).
 */
@RestController
public class TransparencyController {

  private static final Logger log = LoggerFactory.getLogger(TransparencyController.class);
  private static final Base64.Encoder BASE64 = Base64.getEncoder();

  private final Checkpoints checkpoints;
  private final HistoryLog history;
  private final LogKeySet keys;

  public TransparencyController(Checkpoints checkpoints, HistoryLog history, LogKeySet keys) {
    this.checkpoints = checkpoints;
    this.history = history;
    this.keys = keys;
  }

  /** The signed checkpoints, newest first. */
  @GetMapping("/api/v1/audit/checkpoints")
  @SecurityRequirements
  public CheckpointPage checkpoints(
      @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size,
      @RequestParam(required = false) String cursor) {
    Page.requireSize(size);
    long below =
        cursor == null
            ? checkpoints.latest().map(CheckpointView::ordinal).orElse(0L) + 1
            : readCursor(cursor);
    List<CheckpointView> page = checkpoints.before(below, size);
    long last = page.isEmpty() ? 1 : page.get(page.size() - 1).ordinal();
    String next = page.size() == size && last > 1 ? writeCursor(last) : null;
    return new CheckpointPage(
        page.stream().map(CheckpointResource::of).toList(), PageLinks.next(next));
  }

  @GetMapping("/api/v1/audit/checkpoints/latest")
  @SecurityRequirements
  public CheckpointResource latest() {
    return checkpoints.latest().map(CheckpointResource::of).orElseThrow(NotFound::new);
  }

  /**
   * The log's public keys: the signing key raw, PEM and as a C2SP verifier key, under the log id;
   * and in {@code keys} every key that signed the log, with its key id and period, the signing key
   * first.
   */
  @GetMapping(value = "/.well-known/rathaus-log-key", produces = MediaType.APPLICATION_JSON_VALUE)
  @SecurityRequirements
  public ObjectNode publicKey() {
    return keys.toJson();
  }

  /**
   * The audit path of the event at {@code position} in the tree of {@code treeSize} leaves (by
   * default the latest checkpoint's).
   */
  @GetMapping("/api/v1/audit/proofs/inclusion")
  @SecurityRequirements
  public InclusionProofResource inclusion(
      @RequestParam(required = false) String position,
      @RequestParam(required = false) String treeSize) {
    long at = number(position, "position", 1);
    long size = treeSize == null ? latestSize() : number(treeSize, "treeSize", 1);
    requireSealed(size, "treeSize");
    if (at > size) {
      throw new Page.InvalidPageRequest("position");
    }
    long leaf = HistoryLine.leafIndex(at);
    return new InclusionProofResource(
        at,
        leaf,
        size,
        BASE64.encodeToString(history.leafHash(leaf)),
        BASE64.encodeToString(history.root(size)),
        TransparencyResources.base64(history.inclusionProof(leaf, size)));
  }

  /** That the tree of {@code to} leaves extends the tree of {@code from} leaves. */
  @GetMapping("/api/v1/audit/proofs/consistency")
  @SecurityRequirements
  public ConsistencyProofResource consistency(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    long first = number(from, "from", 1);
    long second = to == null ? latestSize() : number(to, "to", 1);
    requireSealed(second, "to");
    if (first > second) {
      throw new Page.InvalidPageRequest("from");
    }
    return new ConsistencyProofResource(
        first,
        second,
        BASE64.encodeToString(history.root(first)),
        BASE64.encodeToString(history.root(second)),
        TransparencyResources.base64(history.consistencyProof(first, second)));
  }

  /**
   * Re-hashes the stored history against the latest checkpoint, and checks every recorded
   * checkpoint's signature and root against the stored tree; names the first bad position.
   */
  @GetMapping("/api/v1/audit/verification")
  public VerificationResource verification() {
    Optional<CheckpointView> latest = checkpoints.latest();
    if (latest.isEmpty()) {
      // nothing signed to verify against: never "valid" (the read model may have been dropped)
      long sealed = history.sealed().size();
      return refused(
          0,
          null,
          sealed == 0
              ? "There is no checkpoint yet: nothing is signed to verify against"
              : sealed
                  + " positions are sealed, but there is no checkpoint to verify them against:"
                  + " the first follows within the checkpoint interval; if none appears, the"
                  + " checkpoints are missing");
    }
    CheckpointResource newest = CheckpointResource.of(latest.get());
    long checked = 0;
    long below = latest.get().ordinal() + 1;
    while (true) {
      List<CheckpointView> page = checkpoints.before(below, 200);
      for (CheckpointView view : page) {
        checked++;
        CheckpointResource resource = CheckpointResource.of(view);
        LogKeySet.Verdict signed = keys.check(resource.checkpoint());
        if (!signed.valid()) {
          return refused(
              checked,
              newest,
              "Checkpoint "
                  + view.ordinal()
                  + " is not signed by the log's key for its time: "
                  + signed.reason());
        }
        if (view.treeSize() > history.sealed().size()
            || !java.security.MessageDigest.isEqual(
                history.root(view.treeSize()), Base64.getDecoder().decode(view.rootHash()))) {
          return refused(
              checked,
              newest,
              "The stored tree does not have the root of checkpoint " + view.ordinal());
        }
      }
      if (page.size() < 200) {
        break;
      }
      below = page.get(page.size() - 1).ordinal();
    }
    HistoryLog.Verification outcome =
        history.verify(latest.get().treeSize(), Base64.getDecoder().decode(newest.rootHash()));
    if (!outcome.valid()) {
      log.warn(
          "Verification of the history failed at position {}: {}",
          outcome.firstBadPosition(),
          outcome.reason());
    }
    return new VerificationResource(
        outcome.valid(),
        outcome.checkedSize(),
        checked,
        outcome.firstBadPosition(),
        outcome.reason(),
        newest);
  }

  private VerificationResource refused(long checked, CheckpointResource newest, String reason) {
    log.warn("Verification of the history failed: {}", reason);
    return new VerificationResource(false, 0, checked, null, reason, newest);
  }

  private long latestSize() {
    return checkpoints.latest().map(CheckpointView::treeSize).orElseThrow(NotFound::new);
  }

  private void requireSealed(long size, String field) {
    if (size > history.sealed().size()) {
      throw new Page.InvalidPageRequest(field);
    }
  }

  private static long number(String text, String field, long min) {
    if (text == null || text.isBlank() || text.length() > 19) {
      throw new Page.InvalidPageRequest(field);
    }
    try {
      long value = Long.parseLong(text.strip());
      if (value < min) {
        throw new Page.InvalidPageRequest(field);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new Page.InvalidPageRequest(field);
    }
  }

  private static String writeCursor(long ordinal) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("c" + ordinal).getBytes(StandardCharsets.UTF_8));
  }

  private static long readCursor(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!text.startsWith("c")) {
        throw new Page.InvalidPageRequest("cursor");
      }
      long ordinal = Long.parseLong(text.substring(1));
      if (ordinal < 1) {
        throw new Page.InvalidPageRequest("cursor");
      }
      return ordinal;
    } catch (IllegalArgumentException e) {
      throw new Page.InvalidPageRequest("cursor");
    }
  }
}
