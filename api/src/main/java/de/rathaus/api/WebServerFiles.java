package de.rathaus.api;

import de.rathaus.api.shared.DataDirectoryProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the web server's files inside the data directory: without a document root, Spring Boot
 * creates a {@code tomcat-docbase} directory in the system's temp directory.
 */
@Component
@EnableConfigurationProperties(DataDirectoryProperties.class)
class WebServerFiles implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {

  private final Path dataDir;

  WebServerFiles(DataDirectoryProperties properties) {
    this.dataDir = properties.dataDir();
  }

  @Override
  public void customize(ConfigurableServletWebServerFactory factory) {
    Path documentRoot = dataDir.resolve("tomcat").resolve("docbase");
    try {
      Files.createDirectories(documentRoot);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the web server's directory", e);
    }
    factory.setDocumentRoot(documentRoot.toFile());
  }
}
