package de.rathaus.api.servicerequest;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Documents of requests ({@code RATHAUS_ATTACHMENTS_*}).
 *
 * @param allowedTypes the media types a document may have, as detected from its content (never from
 *     its name or the type the client sends); default PDF, JPEG and PNG. The same for every
 *     service: service definitions do not name types of their own yet
 * @param maxFileSize the most one document may have; default 10 MB
 * @param maxTotalSize the most a request's documents may have together; default 25 MB
 * @param maxFiles how many documents a request may hold; default 20
 */
@ConfigurationProperties("rathaus.attachments")
public record AttachmentProperties(
    List<String> allowedTypes, DataSize maxFileSize, DataSize maxTotalSize, Integer maxFiles) {

  public AttachmentProperties {
    allowedTypes =
        allowedTypes == null || allowedTypes.isEmpty()
            ? List.of("application/pdf", "image/jpeg", "image/png")
            : allowedTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
    maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
    maxTotalSize = maxTotalSize == null ? DataSize.ofMegabytes(25) : maxTotalSize;
    maxFiles = maxFiles == null ? 20 : maxFiles;
    if (maxFileSize.toBytes() < 1 || maxTotalSize.toBytes() < 1 || maxFiles < 1) {
      throw new IllegalArgumentException("rathaus.attachments limits must be positive");
    }
  }
}
