package de.rathaus.api.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.rathaus.application.transparency.HistoryLog;
import de.rathaus.application.transparency.InMemoryCheckpoints;
import de.rathaus.application.transparency.LogKey;
import de.rathaus.application.transparency.LogKeySet;
import org.junit.jupiter.api.Test;

/**
 * A verification needs a signed root to verify against: without a checkpoint it never answers that
 * the history is valid (the checkpoints' read model may be empty because it was dropped or is being
 * rebuilt, or nothing was signed yet).
 */
class VerificationWithoutCheckpointTest {

  private final HistoryLog history = mock(HistoryLog.class);
  private final TransparencyController controller =
      new TransparencyController(
          new InMemoryCheckpoints(),
          history,
          LogKeySet.single(LogKey.generate().verifierKey("rathaus.example/log")));

  @Test
  void aSealedHistoryWithoutACheckpointIsNotCalledValid() {
    when(history.sealed()).thenReturn(new HistoryLog.Sealed(250, 249));

    TransparencyResources.VerificationResource answer = controller.verification();

    assertThat(answer.valid()).isFalse();
    assertThat(answer.checkedSize()).isZero();
    assertThat(answer.reason()).contains("250").contains("no checkpoint");
  }

  @Test
  void nothingSignedYetIsNotCalledValidEither() {
    when(history.sealed()).thenReturn(new HistoryLog.Sealed(0, -1));

    TransparencyResources.VerificationResource answer = controller.verification();

    assertThat(answer.valid()).isFalse();
    assertThat(answer.reason()).contains("no checkpoint");
  }
}
