package de.rathaus.application.participation;

import de.rathaus.application.shared.Versioned;
import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.ActionFieldCreated;
import de.rathaus.domain.shared.LocalizedText;

/**
 * An action field as everyone reads it: active ones are offered for new consultations, retired ones
 * stay readable because past consultations name them.
 *
 * @param description what the field covers, or {@code null}
 * @param sequence the sequence number of the action field's last event applied, so that a
 *     redelivered event changes nothing
 */
public record ActionFieldView(
    ActionFieldCode code,
    LocalizedText name,
    LocalizedText description,
    boolean active,
    long sequence)
    implements Versioned<ActionFieldView> {

  static ActionFieldView created(ActionFieldCreated event) {
    return new ActionFieldView(event.code(), event.name(), event.description(), true, 0);
  }

  ActionFieldView renamed(LocalizedText newName) {
    return new ActionFieldView(code, newName, description, active, sequence);
  }

  ActionFieldView described(LocalizedText newDescription) {
    return new ActionFieldView(code, name, newDescription, active, sequence);
  }

  ActionFieldView retired() {
    return new ActionFieldView(code, name, description, false, sequence);
  }

  @Override
  public ActionFieldView atSequence(long sequence) {
    return new ActionFieldView(code, name, description, active, sequence);
  }
}
