package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A 500 is logged at ERROR with the stack trace and the error id that the problem answer carries,
 * in the text and in the MDC; a library's exception message, which may quote what was sent, is left
 * out, our own is kept.
 */
class UnexpectedErrorLogTest {

  private final ApiExceptionHandler handler =
      new ApiExceptionHandler(new Problems(new StaticMessageSource()));
  private final Logger logger = (Logger) LoggerFactory.getLogger(ApiExceptionHandler.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void capture() {
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logged);
  }

  @Test
  void theErrorIdIsInTheAnswerTheLogTextAndTheMdc() {
    ResponseEntity<ProblemDetail> answer = handler.unexpected(new IllegalStateException("ours"));

    String errorId = String.valueOf(answer.getBody().getProperties().get("errorId"));
    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    assertThat(logged.list)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getLevel()).hasToString("ERROR");
              assertThat(event.getFormattedMessage()).contains(errorId);
              assertThat(event.getMDCPropertyMap()).containsEntry("errorId", errorId);
              assertThat(event.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
            });
  }

  @Test
  void aLibrarysMessageThatQuotesInputIsLeftOutOurOwnIsKept() {
    String canary = "Kanari " + UUID.randomUUID();
    Exception library;
    try {
      Integer.parseInt(canary);
      throw new AssertionError("parsed");
    } catch (NumberFormatException e) {
      library = new IllegalStateException("Handling failed", e);
    }

    handler.unexpected(library);

    ILoggingEvent event = logged.list.get(0);
    String logText = event.getFormattedMessage() + ThrowableProxyUtil.asString(proxy(event));
    assertThat(logText)
        .doesNotContain(canary)
        .contains("java.lang.NumberFormatException")
        .contains("Handling failed")
        .contains("at java.base/java.lang.Integer.parseInt");
  }

  private static IThrowableProxy proxy(ILoggingEvent event) {
    return event.getThrowableProxy();
  }
}
