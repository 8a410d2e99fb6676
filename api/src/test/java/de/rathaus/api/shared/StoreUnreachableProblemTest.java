package de.rathaus.api.shared;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The store cannot be reached while a request runs (a killed or restarting MongoDB): whatever the
 * request had handed to the store may or may not have been made, so the caller gets the 503
 * "outcome unknown" with Retry-After, never a 500 (ClusterIT saw a 500 for an Idempotency-Key
 * replay sent while the store was down).
 */
class StoreUnreachableProblemTest {

  @RestController
  static class Writing {
    @PostMapping("/timeout")
    String timeout() {
      throw new MongoTimeoutException("Timed out while waiting for a server");
    }

    @PostMapping("/socket-wrapped")
    String socket() {
      throw new IllegalStateException(
          "Handling failed",
          new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress()));
    }
  }

  private final MockMvc mvc;

  StoreUnreachableProblemTest() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    Problems problems = new Problems(messages);
    mvc =
        MockMvcBuilders.standaloneSetup(new Writing())
            .setControllerAdvice(new StoreProblems(problems), new ApiExceptionHandler(problems))
            .build();
  }

  @Test
  void aStoreThatCannotBeReachedIsA503OutcomeUnknown() throws Exception {
    mvc.perform(post("/timeout").accept(MediaType.APPLICATION_JSON).header("Accept-Language", "de"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(header().string("Retry-After", Matchers.matchesPattern("[1-9][0-9]*")))
        .andExpect(jsonPath("$.type").value(Matchers.endsWith("outcome-unknown")))
        .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("server"))))
        .andExpect(jsonPath("$.errorId").doesNotExist());
  }

  @Test
  void aConnectionCutOffInsideAnotherExceptionIsA503Too() throws Exception {
    mvc.perform(
            post("/socket-wrapped")
                .accept(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.type").value(Matchers.endsWith("outcome-unknown")))
        .andExpect(jsonPath("$.errorId").doesNotExist());
  }
}
