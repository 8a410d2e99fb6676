package de.rathaus.application.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryVerificationTest {

  private final TestLog log = new TestLog(12);
  private final Checkpoint checkpoint = log.checkpoint();

  private HistoryVerification.Result verify(List<ObjectNode> lines) {
    return HistoryVerification.verify(TestLog.export(lines), checkpoint, log.verifier);
  }

  private List<ObjectNode> lines() {
    return new ArrayList<>(log.lines);
  }

  @Test
  void anUntouchedExportVerifies() {
    HistoryVerification.Result result = verify(lines());

    assertThat(result.valid()).isTrue();
    assertThat(result.checkedSize()).isEqualTo(12);
    assertThat(result.firstBadPosition()).isNull();
  }

  @Test
  void linesAfterTheCheckpointAreNotChecked() {
    List<ObjectNode> longer = lines();
    longer.add(TestLog.event(13));
    longer.add(TestLog.event(99));

    assertThat(verify(longer).valid()).isTrue();
  }

  @Test
  void aCheckpointSignedWithAnotherKeyIsRefusedBeforeAnyLine() {
    Checkpoint forged = log.checkpoint(LogKey.generate());

    HistoryVerification.Result result =
        HistoryVerification.verify(log.export(), forged, log.verifier);

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBadPosition()).isNull();
    assertThat(result.checkedSize()).isZero();
  }

  @Test
  void aChangedLineIsNamed() {
    List<ObjectNode> lines = lines();
    ObjectNode changed = lines.get(4 - 1).deepCopy();
    ((ObjectNode) changed.get("payload")).put("serviceCode", "graffiti");
    lines.set(4 - 1, changed);

    HistoryVerification.Result result = verify(lines);

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBadPosition()).isEqualTo(4L);
    assertThat(result.reason()).contains("is not the event that was sealed there");
  }

  @Test
  void aChangedLeafHashAloneChangesNoEventAndTheExportVerifies() {
    List<ObjectNode> lines = lines();
    ObjectNode second = lines.get(2 - 1).deepCopy();
    second.put(HistoryLine.LEAF_HASH, Base64.getEncoder().encodeToString(new byte[32]));
    lines.set(2 - 1, second);

    assertThat(verify(lines).valid()).isTrue();
  }

  @Test
  void aTombstoneTurnedIntoAnEventIsNamed() {
    List<ObjectNode> lines = lines();
    ObjectNode forged = TestLog.event(TestLog.TOMBSTONE_AT);
    forged.set(
        HistoryLine.LEAF_HASH, lines.get(TestLog.TOMBSTONE_AT - 1).get(HistoryLine.LEAF_HASH));
    lines.set(TestLog.TOMBSTONE_AT - 1, forged);

    assertThat(verify(lines).firstBadPosition()).isEqualTo((long) TestLog.TOMBSTONE_AT);
  }

  @Test
  void aDeletedLineIsNamed() {
    List<ObjectNode> lines = lines();
    lines.remove(5 - 1);

    HistoryVerification.Result result = verify(lines);

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBadPosition()).isEqualTo(5L);
  }

  @Test
  void theLastLineDeletedIsNamed() {
    List<ObjectNode> lines = lines();
    lines.remove(12 - 1);

    assertThat(verify(lines).firstBadPosition()).isEqualTo(12L);
  }

  @Test
  void anInsertedLineIsNamed() {
    List<ObjectNode> lines = lines();
    ObjectNode inserted = TestLog.event(7);
    ((ObjectNode) inserted.get("payload")).put("description", "enc:v1:backdated");
    inserted.put(
        HistoryLine.LEAF_HASH, Base64.getEncoder().encodeToString(HistoryLine.leafHash(inserted)));
    lines.add(7 - 1, inserted);

    HistoryVerification.Result result = verify(lines);

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBadPosition()).isEqualTo(7L);
  }

  @Test
  void anInsertedLineWithTheFollowingRenumberedIsNamed() {
    List<ObjectNode> lines = lines();
    ObjectNode inserted = TestLog.event(7);
    ((ObjectNode) inserted.get("payload")).put("description", "enc:v1:backdated");
    lines.add(7 - 1, inserted);
    for (int position = 8; position <= lines.size(); position++) {
      ObjectNode renumbered = lines.get(position - 1).deepCopy();
      renumbered.put(HistoryLine.POSITION, position);
      lines.set(position - 1, renumbered);
    }

    assertThat(verify(lines).firstBadPosition()).isEqualTo(7L);
  }

  @Test
  void twoSwappedLinesAreNamedAtTheFirst() {
    List<ObjectNode> lines = lines();
    Collections.swap(lines, 8 - 1, 9 - 1);

    HistoryVerification.Result result = verify(lines);

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBadPosition()).isEqualTo(8L);
  }

  @Test
  void twoSwappedEventsWithTheirPositionsKeptInPlaceAreNamedAtTheFirst() {
    List<ObjectNode> lines = lines();
    ObjectNode eighth = lines.get(8 - 1).deepCopy().put(HistoryLine.POSITION, 9);
    ObjectNode ninth = lines.get(9 - 1).deepCopy().put(HistoryLine.POSITION, 8);
    lines.set(8 - 1, ninth);
    lines.set(9 - 1, eighth);

    assertThat(verify(lines).firstBadPosition()).isEqualTo(8L);
  }

  @Test
  void whenTheLeafHashesWereChangedTooTheFirstLineThatDiffersFromItsOwnIsNamed() {
    List<ObjectNode> lines = lines();
    ObjectNode second = lines.get(2 - 1).deepCopy();
    second.put(HistoryLine.LEAF_HASH, Base64.getEncoder().encodeToString(new byte[32]));
    lines.set(2 - 1, second);
    ObjectNode changed = lines.get(10 - 1).deepCopy();
    ((ObjectNode) changed.get("payload")).put("serviceCode", "graffiti");
    lines.set(10 - 1, changed);

    HistoryVerification.Result result = verify(lines);

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBadPosition()).isEqualTo(2L);
    assertThat(result.reason()).contains("does not match the checkpoint either");
  }

  @Test
  void anExportConsistentInItselfButNotTheSignedOneIsInvalidWithoutAPosition() {
    List<ObjectNode> lines = lines();
    ObjectNode changed = lines.get(3 - 1).deepCopy();
    ((ObjectNode) changed.get("payload")).put("serviceCode", "graffiti");
    changed.put(
        HistoryLine.LEAF_HASH, Base64.getEncoder().encodeToString(HistoryLine.leafHash(changed)));
    lines.set(3 - 1, changed);

    HistoryVerification.Result result = verify(lines);

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBadPosition()).isNull();
  }

  @Test
  void aLineThatIsNoJsonIsNamed() {
    StringBuilder text = new StringBuilder();
    for (ObjectNode line : log.lines) {
      text.append(line.get(HistoryLine.POSITION).asLong() == 3 ? "{not json" : line.toString());
      text.append('\n');
    }

    HistoryVerification.Result result =
        HistoryVerification.verify(
            new java.io.BufferedReader(new java.io.StringReader(text.toString())),
            checkpoint,
            log.verifier);

    assertThat(result.firstBadPosition()).isEqualTo(3L);
  }
}
