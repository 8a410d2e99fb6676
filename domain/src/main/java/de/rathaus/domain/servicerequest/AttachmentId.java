package de.rathaus.domain.servicerequest;

import java.util.UUID;

/**
 * Identifies one document attached to a case (Anlage). Random, so it says nothing about the
 * document or who filed it; its bytes are stored under this id.
 */
public record AttachmentId(String value) {

  public AttachmentId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("An attachment id is required");
    }
    if (value.length() > 100) {
      throw new IllegalArgumentException("An attachment id has at most 100 characters");
    }
  }

  public static AttachmentId random() {
    return new AttachmentId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
