package de.rathaus.domain.catalogue;

import static de.rathaus.domain.catalogue.Samples.PARKING;
import static de.rathaus.domain.catalogue.Samples.parkingPermit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.domain.catalogue.ServiceDefinitionRuleViolation.Code;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle of a catalogue entry. Refusals are checked on the exception the aggregate threw
 * (captured by a handler interceptor, so the test sees its code) and on the absence of events.
 */
class ServiceDefinitionTest {

  private static final ServiceDefinitionContent FIRST = parkingPermit(3000);
  private static final ServiceDefinitionContent SECOND = parkingPermit(3500);
  private static final ServiceDefinitionContent THIRD = parkingPermit(4000);

  private FixtureConfiguration<ServiceDefinition> fixture;
  private Exception thrown;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ServiceDefinition.class);
    fixture.registerCommandHandlerInterceptor(
        (unitOfWork, chain) -> {
          try {
            return chain.proceed();
          } catch (Exception e) {
            thrown = e;
            throw e;
          }
        });
  }

  @Test
  void draftsANewServiceUnpublished() {
    fixture
        .givenNoPriorActivity()
        .when(new DraftServiceDefinition(PARKING, FIRST))
        .expectEvents(new ServiceDefinitionDrafted(PARKING, FIRST))
        .expectState(
            service -> {
              assertThat(service.publishedContent()).isEmpty();
              assertThat(service.pendingDraft()).contains(FIRST);
            });
  }

  @Test
  void refusesASecondDraftUnderAnExistingCode() {
    ResultValidator<ServiceDefinition> result =
        fixture
            .given(new ServiceDefinitionDrafted(PARKING, FIRST))
            .when(new DraftServiceDefinition(PARKING, SECOND))
            .expectNoEvents();
    // the event store keeps one history per code and refuses to start a second one
    assertThatThrownBy(result::expectSuccessfulHandlerExecution).isInstanceOf(AssertionError.class);
  }

  @Test
  void revisesADraftBeforeItsFirstPublication() {
    fixture
        .given(new ServiceDefinitionDrafted(PARKING, FIRST))
        .when(new ReviseServiceDefinition(PARKING, SECOND))
        .expectEvents(new ServiceDefinitionRevised(PARKING, SECOND));
  }

  @Test
  void publishesAFirstVersion() {
    fixture
        .given(new ServiceDefinitionDrafted(PARKING, FIRST))
        .when(new PublishServiceDefinition(PARKING))
        .expectEvents(new ServiceDefinitionPublished(PARKING, 1, FIRST));
  }

  @Test
  void publishesTheLatestRevisionAsTheNextVersion() {
    fixture
        .given(
            new ServiceDefinitionDrafted(PARKING, FIRST),
            new ServiceDefinitionPublished(PARKING, 1, FIRST),
            new ServiceDefinitionRevised(PARKING, SECOND),
            new ServiceDefinitionPublished(PARKING, 2, SECOND),
            new ServiceDefinitionRevised(PARKING, THIRD))
        .when(new PublishServiceDefinition(PARKING))
        .expectEvents(new ServiceDefinitionPublished(PARKING, 3, THIRD));
  }

  @Test
  void revisionAfterPublicationIsADraftUntilPublished() {
    fixture
        .given(
            new ServiceDefinitionDrafted(PARKING, FIRST),
            new ServiceDefinitionPublished(PARKING, 1, FIRST))
        .when(new ReviseServiceDefinition(PARKING, SECOND))
        .expectEvents(new ServiceDefinitionRevised(PARKING, SECOND))
        .expectState(
            service -> {
              assertThat(service.publishedContent()).contains(FIRST);
              assertThat(service.version()).isEqualTo(1);
              assertThat(service.pendingDraft()).contains(SECOND);
            });
  }

  @Test
  void refusesToPublishWithoutChanges() {
    fixture
        .given(
            new ServiceDefinitionDrafted(PARKING, FIRST),
            new ServiceDefinitionPublished(PARKING, 1, FIRST))
        .when(new PublishServiceDefinition(PARKING))
        .expectNoEvents();
    assertRefusedWith(Code.NOTHING_TO_PUBLISH);
  }

  @Test
  void refusesToPublishARevisionBackToThePublishedContent() {
    fixture
        .given(
            new ServiceDefinitionDrafted(PARKING, FIRST),
            new ServiceDefinitionPublished(PARKING, 1, FIRST),
            new ServiceDefinitionRevised(PARKING, SECOND),
            new ServiceDefinitionRevised(PARKING, FIRST))
        .when(new PublishServiceDefinition(PARKING))
        .expectNoEvents();
    assertRefusedWith(Code.NOTHING_TO_PUBLISH);
  }

  @Test
  void savingTheDraftUnchangedRecordsNothing() {
    fixture
        .given(
            new ServiceDefinitionDrafted(PARKING, FIRST),
            new ServiceDefinitionRevised(PARKING, SECOND))
        .when(new ReviseServiceDefinition(PARKING, SECOND))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void savingThePublishedContentUnchangedRecordsNothing() {
    fixture
        .given(
            new ServiceDefinitionDrafted(PARKING, FIRST),
            new ServiceDefinitionPublished(PARKING, 1, FIRST))
        .when(new ReviseServiceDefinition(PARKING, FIRST))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void retiresAPublishedServiceNamingItsLastVersion() {
    fixture
        .given(
            new ServiceDefinitionDrafted(PARKING, FIRST),
            new ServiceDefinitionPublished(PARKING, 1, FIRST),
            new ServiceDefinitionRevised(PARKING, SECOND),
            new ServiceDefinitionPublished(PARKING, 2, SECOND))
        .when(new RetireServiceDefinition(PARKING, "Replaced by the federal online service"))
        .expectEvents(
            new ServiceDefinitionRetired(PARKING, 2, "Replaced by the federal online service"));
  }

  @Test
  void retiresANeverPublishedDraftAsVersionZero() {
    fixture
        .given(new ServiceDefinitionDrafted(PARKING, FIRST))
        .when(new RetireServiceDefinition(PARKING, "Drafted by mistake"))
        .expectEvents(new ServiceDefinitionRetired(PARKING, 0, "Drafted by mistake"));
  }

  @Test
  void retirementDiscardsAPendingRevision() {
    fixture
        .given(
            new ServiceDefinitionDrafted(PARKING, FIRST),
            new ServiceDefinitionPublished(PARKING, 1, FIRST),
            new ServiceDefinitionRevised(PARKING, SECOND))
        .when(new RetireServiceDefinition(PARKING, "No longer offered"))
        .expectEvents(new ServiceDefinitionRetired(PARKING, 1, "No longer offered"))
        .expectState(
            service -> {
              assertThat(service.pendingDraft()).isEmpty();
              assertThat(service.publishedContent()).contains(FIRST);
            });
  }

  @Test
  void refusesToReviseARetiredService() {
    fixture
        .given(
            new ServiceDefinitionDrafted(PARKING, FIRST),
            new ServiceDefinitionPublished(PARKING, 1, FIRST),
            new ServiceDefinitionRetired(PARKING, 1, "No longer offered"))
        .when(new ReviseServiceDefinition(PARKING, SECOND))
        .expectNoEvents();
    assertRefusedWith(Code.ALREADY_RETIRED);
  }

  @Test
  void refusesToPublishARetiredService() {
    fixture
        .given(
            new ServiceDefinitionDrafted(PARKING, FIRST),
            new ServiceDefinitionPublished(PARKING, 1, FIRST),
            new ServiceDefinitionRevised(PARKING, SECOND),
            new ServiceDefinitionRetired(PARKING, 1, "No longer offered"))
        .when(new PublishServiceDefinition(PARKING))
        .expectNoEvents();
    assertRefusedWith(Code.ALREADY_RETIRED);
  }

  @Test
  void refusesToRetireTwice() {
    fixture
        .given(
            new ServiceDefinitionDrafted(PARKING, FIRST),
            new ServiceDefinitionRetired(PARKING, 0, "Drafted by mistake"))
        .when(new RetireServiceDefinition(PARKING, "Again"))
        .expectNoEvents();
    assertRefusedWith(Code.ALREADY_RETIRED);
  }

  private void assertRefusedWith(Code code) {
    assertThat(thrown)
        .isInstanceOfSatisfying(
            ServiceDefinitionRuleViolation.class,
            violation -> {
              assertThat(violation.code()).isEqualTo(code);
              assertThat(violation.service()).isEqualTo(PARKING);
            });
  }
}
