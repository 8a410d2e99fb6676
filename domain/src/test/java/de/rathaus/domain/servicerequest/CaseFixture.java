package de.rathaus.domain.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation.Code;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;

/**
 * Axon's {@link AggregateTestFixture} for the case, read as given / when / then, with refusals
 * checked by their rule code. Axon's {@code expectException} takes Hamcrest matchers, which the
 * domain does not compile against; so the thrown exception is captured by a handler interceptor and
 * checked with AssertJ, and "nothing is stored" by the fixture's {@code expectNoEvents()}. (The
 * fixture itself still loads Hamcrest at run time.)
 */
final class CaseFixture {

  private final AggregateTestFixture<ServiceRequest> axon =
      new AggregateTestFixture<>(ServiceRequest.class);
  private Throwable thrown;

  CaseFixture() {
    axon.registerCommandHandlerInterceptor(this::capture);
  }

  private Object capture(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
      throws Exception {
    try {
      return chain.proceed();
    } catch (Exception e) {
      thrown = e;
      throw e;
    }
  }

  When givenNoPriorActivity() {
    return command -> new Then(axon.givenNoPriorActivity().when(command));
  }

  When given(Object... events) {
    return command -> new Then(axon.given(events).when(command));
  }

  interface When {
    Then when(Object command);
  }

  final class Then {
    private final ResultValidator<ServiceRequest> result;

    private Then(ResultValidator<ServiceRequest> result) {
      this.result = result;
    }

    /** The command was accepted and recorded exactly these events. */
    Then expectEvents(Object... events) {
      assertThat(thrown).as("refusal").isNull();
      result.expectEvents(events);
      return this;
    }

    /** The command was refused for this rule, and nothing was recorded. */
    Then expectRefusal(Code code) {
      assertThat(thrown)
          .isInstanceOfSatisfying(
              ServiceRequestRuleViolation.class,
              violation -> assertThat(violation.code()).isEqualTo(code));
      result.expectNoEvents();
      return this;
    }

    Throwable refusal() {
      return thrown;
    }
  }
}
