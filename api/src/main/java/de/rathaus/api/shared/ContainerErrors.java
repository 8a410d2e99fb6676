package de.rathaus.api.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers of the servlet container itself as problem details, in the caller's language. Tomcat
 * refuses some requests before the application sees them (an encoded slash or backslash, a broken
 * escape, characters no URI may hold, a header too long or without a colon, no {@code Host}, an
 * unknown HTTP version) and answered those with its HTML page. Its error page maker (the host's
 * {@link ErrorReportValve}) is replaced by {@link ProblemReport}, which writes a problem instead;
 * what reaches the application is answered by the application ({@link ProblemErrorController}).
 */
@Configuration(proxyBeanMethods = false)
public class ContainerErrors {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemsFromTheContainer(
      ObjectProvider<Problems> problems,
      ObjectProvider<ObjectMapper> json,
      ObjectProvider<LocaleResolver> languages) {
    // the beans are looked up at the first refusal: the web server is made before most of them
    ProblemReport report =
        new ProblemReport(problems::getObject, json::getObject, languages::getObject);
    return factory ->
        factory.addContextCustomizers(
            context -> {
              StandardHost host = (StandardHost) context.getParent();
              // the host adds a valve of this class unless it has one already
              host.setErrorReportValveClass(ProblemReport.class.getName());
              host.getPipeline().addValve(report);
            });
  }

  /** Writes the container's error answers as problem details instead of HTML pages. */
  static final class ProblemReport extends ErrorReportValve {

    private final Supplier<Problems> problems;
    private final Supplier<ObjectMapper> json;
    private final Supplier<LocaleResolver> languages;

    ProblemReport(
        Supplier<Problems> problems,
        Supplier<ObjectMapper> json,
        Supplier<LocaleResolver> languages) {
      this.problems = problems;
      this.json = json;
      this.languages = languages;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      // as Tomcat's own: only errors, only once, only if nothing was written and it can be sent
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(true);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      try {
        String key = status == 500 ? "unexpected" : "http-" + status;
        ProblemDetail problem =
            problems.get().of(HttpStatusCode.valueOf(status), key, language(request));
        String body = json.get().writeValueAsString(problem);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(body);
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException gone) {
        // the connection is closed or the answer is under way: nothing more can be said
      }
    }

    /** The caller's language, or the default (null) when a broken request does not say. */
    private Locale language(Request request) {
      try {
        return languages.get().resolveLocale(request);
      } catch (RuntimeException unreadable) {
        return null;
      }
    }
  }
}
