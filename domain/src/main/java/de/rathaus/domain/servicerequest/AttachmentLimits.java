package de.rathaus.domain.servicerequest;

/**
 * How much a case may hold, as the city configured it when a document is attached: at most {@code
 * maxFiles} documents, each at most {@code maxFileBytes}, together at most {@code maxTotalBytes}.
 */
public record AttachmentLimits(int maxFiles, long maxFileBytes, long maxTotalBytes) {

  public AttachmentLimits {
    if (maxFiles < 1 || maxFileBytes < 1 || maxTotalBytes < 1) {
      throw new IllegalArgumentException("Attachment limits must be positive");
    }
  }
}
