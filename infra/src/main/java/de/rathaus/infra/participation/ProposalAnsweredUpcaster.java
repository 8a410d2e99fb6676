package de.rathaus.infra.participation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.rathaus.domain.participation.ProposalAnswered;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link ProposalAnswered} revision 1 to 2: the reasoning, stored as the German text alone, becomes
 * {@code {german: <text>, english: null}}. Everything else keeps its name and value.
 */
public final class ProposalAnsweredUpcaster extends SingleEventUpcaster {

  static final SimpleSerializedType REVISION_1 =
      new SimpleSerializedType(ProposalAnswered.class.getName(), "1");
  static final SimpleSerializedType REVISION_2 =
      new SimpleSerializedType(ProposalAnswered.class.getName(), "2");

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation event) {
    return REVISION_1.equals(event.getType());
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
    return event.upcastPayload(
        REVISION_2,
        ObjectNode.class,
        stored -> {
          ObjectNode payload = stored.deepCopy();
          JsonNode text = payload.get("reasoning");
          if (text != null && text.isTextual()) {
            ObjectNode reasoning = payload.objectNode();
            reasoning.set("german", text);
            reasoning.putNull("english");
            payload.set("reasoning", reasoning);
          }
          return payload;
        });
  }
}
