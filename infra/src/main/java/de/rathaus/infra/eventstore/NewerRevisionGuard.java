package de.rathaus.infra.eventstore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

/**
 * The last link of the engine's upcaster chain: an event whose revision, after every upcaster of
 * this version ran, is newer than the revision this version writes for its type stops the read with
 * a {@link NewerRevisionException} naming type and revision. An old instance running beside new
 * ones during a rolling upgrade so never reads a newer event in its old shape (missing or misnamed
 * fields read as {@code null}); its processors stop at that event and retry, without advancing
 * their tokens past it.
 *
 * <p>Revisions are whole numbers ({@code @Revision("2")}); a type without a revision counts as
 * revision 0. A stored event without a revision, a revision that is no whole number, and a type
 * this version does not know at all pass unchanged (Axon reads an unknown type as {@link
 * UnknownSerializedType}, which no handler takes).
 */
public final class NewerRevisionGuard implements EventUpcaster {

  private final Function<String, Optional<String>> knownRevision;
  private final Map<String, Optional<Long>> known = new ConcurrentHashMap<>();

  /** Knows what the event serializer writes: the {@code @Revision} of each event class. */
  public NewerRevisionGuard(Serializer eventSerializer) {
    this(type -> writtenRevision(eventSerializer, type));
  }

  /**
   * @param knownRevision the revision this version writes for an event type's name, empty if it
   *     does not know the type ({@code null} revision: none)
   */
  public NewerRevisionGuard(Function<String, Optional<String>> knownRevision) {
    this.knownRevision = knownRevision;
  }

  private static Optional<String> writtenRevision(Serializer serializer, String type) {
    Class<?> payload = serializer.classForType(new SimpleSerializedType(type, null));
    if (UnknownSerializedType.class.equals(payload)) {
      return Optional.empty();
    }
    String revision = serializer.typeForClass(payload).getRevision();
    return Optional.of(revision == null ? "0" : revision);
  }

  @Override
  public Stream<IntermediateEventRepresentation> upcast(
      Stream<IntermediateEventRepresentation> events) {
    return events.map(this::checked);
  }

  private IntermediateEventRepresentation checked(IntermediateEventRepresentation event) {
    SerializedType type = event.getType();
    Long stored = number(type.getRevision());
    if (stored == null) {
      return event;
    }
    Optional<Long> written =
        known.computeIfAbsent(
            type.getName(), name -> knownRevision.apply(name).map(r -> number(r)));
    if (written.isPresent() && stored > written.get()) {
      throw new NewerRevisionException(
          type.getName(),
          type.getRevision(),
          String.valueOf(written.get()),
          event.getMessageIdentifier());
    }
    return event;
  }

  private static Long number(String revision) {
    if (revision == null) {
      return null;
    }
    try {
      return Long.parseLong(revision);
    } catch (NumberFormatException notAWholeNumber) {
      return null;
    }
  }
}
