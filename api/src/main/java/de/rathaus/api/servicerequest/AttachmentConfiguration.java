package de.rathaus.api.servicerequest;

import de.rathaus.api.shared.HourlyLimit;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import jakarta.servlet.MultipartConfigElement;
import java.time.Clock;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Documents of requests: accepted types, limits, and the container's multipart settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AttachmentProperties.class, UploadLimitProperties.class})
public class AttachmentConfiguration {

  /** What a multipart body may hold besides the file: the other parts and the boundaries. */
  static final DataSize FORM_OVERHEAD = DataSize.ofKilobytes(64);

  @Bean
  DocumentTypes documentTypes(AttachmentProperties properties) {
    return new DocumentTypes(properties.allowedTypes());
  }

  @Bean
  AttachmentUploads attachmentUploads(UploadLimitProperties limits, Clock clock) {
    return new AttachmentUploads(
        new HourlyLimit("attachments", limits.attachmentsPerHour(), clock));
  }

  /**
   * The container's multipart limits follow the documents' (a larger file is refused with 413 while
   * it is read), and a part is kept in memory, never written to a temporary file: a document is
   * personal data, and Tomcat's temporary files are in plain text on disk.
   */
  @Bean
  MultipartConfigElement multipartConfigElement(AttachmentProperties properties) {
    MultipartConfigFactory factory = new MultipartConfigFactory();
    DataSize body = DataSize.ofBytes(properties.maxFileSize().toBytes() + FORM_OVERHEAD.toBytes());
    factory.setMaxFileSize(properties.maxFileSize());
    factory.setMaxRequestSize(body);
    factory.setFileSizeThreshold(DataSize.ofBytes(body.toBytes() + 1));
    return factory.createMultipartConfig();
  }

  /**
   * A document is answered as the type detected when it was filed: one of the accepted types, each
   * documented as bytes.
   */
  @Bean
  OperationCustomizer attachmentDownloads(AttachmentProperties properties) {
    return (operation, handler) -> {
      if (handler.getBeanType() == AttachmentController.class
          && handler.getMethod().getName().equals("download")) {
        Content content = new Content();
        for (String type : properties.allowedTypes()) {
          content.addMediaType(
              type,
              new io.swagger.v3.oas.models.media.MediaType()
                  .schema(new StringSchema().format("binary")));
        }
        operation
            .getResponses()
            .addApiResponse(
                "200",
                new ApiResponse()
                    .description(
                        "the document's bytes, as the type detected from its content when it was"
                            + " filed (Content-Disposition: attachment)")
                    .content(content));
      }
      return operation;
    };
  }
}
