package de.rathaus.infra.privacy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import de.rathaus.application.privacy.PersonalDataKeyMissing;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;

/** A processor stops at an event whose key is missing; other failures go as before. */
class MissingKeysHoldProcessingTest {

  private final List<Exception> logged = new ArrayList<>();
  private final MissingKeysHoldProcessing handler =
      new MissingKeysHoldProcessing((e, event, h) -> logged.add(e));

  @Test
  void aMissingKeyDeepInTheCausesStopsTheProcessor() {
    Exception asTheSerializerThrowsIt =
        new SerializationException(
            "Error while deserializing object",
            new JsonMappingException(null, "wrapped", new PersonalDataKeyMissing("kid12345")));

    assertThatThrownBy(
            () ->
                handler.onError(
                    asTheSerializerThrowsIt, GenericEventMessage.asEventMessage("e"), null))
        .isSameAs(asTheSerializerThrowsIt);
    org.assertj.core.api.Assertions.assertThat(logged).isEmpty();
  }

  @Test
  void anyOtherFailureGoesToTheDefault() {
    IllegalStateException other = new IllegalStateException("other");

    assertThatCode(() -> handler.onError(other, GenericEventMessage.asEventMessage("e"), null))
        .doesNotThrowAnyException();
    org.assertj.core.api.Assertions.assertThat(logged).containsExactly(other);
  }
}
