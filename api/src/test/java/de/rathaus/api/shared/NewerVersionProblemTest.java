package de.rathaus.api.shared;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.rathaus.infra.eventstore.NewerRevisionException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An old instance during a rolling upgrade meets an event of a newer revision: 503 with Retry-After
 * and a problem in the caller's language that names no internals, not a 500.
 */
class NewerVersionProblemTest {

  @RestController
  static class Reading {
    @GetMapping("/newer")
    String newer() {
      throw new NewerRevisionException("de.rathaus.X", "2", "1", "event-1");
    }

    @GetMapping("/newer-wrapped")
    String wrapped() {
      throw new IllegalStateException(
          "Handling failed", new NewerRevisionException("de.rathaus.X", "2", "1", "event-1"));
    }
  }

  private final MockMvc mvc;

  NewerVersionProblemTest() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    mvc =
        MockMvcBuilders.standaloneSetup(new Reading())
            .setControllerAdvice(new ApiExceptionHandler(new Problems(messages)))
            .build();
  }

  @Test
  void aNewerRevisionIsA503WithRetryAfterInGerman() throws Exception {
    mvc.perform(get("/newer").accept(MediaType.APPLICATION_JSON).header("Accept-Language", "de"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(header().string("Retry-After", Matchers.matchesPattern("[1-9][0-9]*")))
        .andExpect(jsonPath("$.status").value(503))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("neueren Version")))
        .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("event-1"))))
        .andExpect(jsonPath("$.trace").doesNotExist());
  }

  @Test
  void aNewerRevisionWrappedByTheFrameworkIsA503InEnglish() throws Exception {
    mvc.perform(
            get("/newer-wrapped")
                .accept(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().exists("Retry-After"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("newer version")))
        .andExpect(jsonPath("$.errorId").doesNotExist());
  }
}
