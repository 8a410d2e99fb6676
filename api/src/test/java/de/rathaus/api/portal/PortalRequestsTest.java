package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.rathaus.api.privacy.AccessRecording;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.servicerequest.RequestSubmission;
import de.rathaus.application.servicerequest.SubmissionLimit;
import de.rathaus.domain.catalogue.AttributeDatatype;
import de.rathaus.domain.catalogue.AttributeError;
import de.rathaus.domain.catalogue.ServiceAttribute;
import de.rathaus.domain.catalogue.ServiceDefinitionContent;
import de.rathaus.domain.catalogue.ServiceKind;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The request form's answers the engine rarely gives, in a web slice with the use case replaced:
 * the hourly limit, a service changed or retired between the check and the submission. Each shows
 * the form again with what the citizen entered (or the 404 page), never an error page of the API.
 */
@WebMvcTest(
    controllers = PortalRequests.class,
    excludeFilters =
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = RestControllerAdvice.class))
@Import(PortalConfiguration.class)
class PortalRequestsTest {

  @Autowired MockMvc mvc;
  @MockitoBean PortalCatalogue catalogue;
  @MockitoBean RequestSubmission submission;
  @MockitoBean SubmissionLimit limit;
  @MockitoBean ReadYourWrites readYourWrites;
  @MockitoBean QueryGateway queries;
  @MockitoBean CommandGateway commands;
  @MockitoBean AccessRecording access;
  @MockitoBean Clock clock;

  /** The documents' limits as the engine's defaults have them (the form pages name them). */
  @org.springframework.boot.test.context.TestConfiguration
  static class Limits {
    @org.springframework.context.annotation.Bean
    de.rathaus.api.servicerequest.AttachmentProperties attachmentProperties() {
      return new de.rathaus.api.servicerequest.AttachmentProperties(null, null, null, null);
    }
  }

  static final ServiceView PERMIT =
      ServiceView.published(
          "bewohnerparken",
          1,
          new ServiceDefinitionContent(
              new LocalizedText("Bewohnerparkausweis", null),
              new LocalizedText("Parken im Wohngebiet", null),
              new DepartmentCode("ordnungsamt"),
              "Verkehr",
              List.of(),
              ServiceKind.REQUEST,
              List.of(
                  new ServiceAttribute(
                      "kennzeichen",
                      AttributeDatatype.STRING,
                      true,
                      1,
                      new LocalizedText("Kennzeichen", null),
                      List.of())),
              0,
              10,
              List.of(),
              null));

  @BeforeEach
  void catalogue() {
    when(catalogue.service("bewohnerparken")).thenReturn(Optional.of(PERMIT));
  }

  private MockHttpServletRequestBuilder sent() {
    return post("/portal/leistungen/bewohnerparken/antrag")
        .with(csrf())
        .with(user("anna").authorities(() -> "ROLE_CITIZEN"))
        .param("formular", "0b9c7a2e-3f1d-4c5e-9a8b-7d6e5f4a3b2c")
        .param("a_kennzeichen", "HN-AB 123")
        .param("name", "Anna Beispiel");
  }

  @Test
  void theHourlyLimitShowsTheFormAgainWithWhenToTryAgain() throws Exception {
    SubmissionLimit.LimitReached reached = mock(SubmissionLimit.LimitReached.class);
    when(reached.perHour()).thenReturn(10);
    when(reached.retryAfter()).thenReturn(Duration.ofSeconds(125));
    when(limit.submit(any(), any())).thenThrow(reached);
    String page =
        mvc.perform(sent())
            .andExpect(status().isTooManyRequests())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("10 Anträge gestellt", "in 3 Minuten")
        .contains("value=\"HN-AB 123\"", "value=\"Anna Beispiel\"")
        // the language switch leads back to the form's page, not to where it was sent
        .contains("name=\"zurueck\" value=\"/portal/leistungen/bewohnerparken/antrag\"");
  }

  @Test
  void aServiceChangedMeanwhileShowsTheFormAgainAndARetiredOneTheNotFoundPage() throws Exception {
    when(limit.submit(any(), any()))
        .thenThrow(
            new RequestSubmission.InvalidForm(
                List.of(new AttributeError("kennzeichen", AttributeError.Reason.TOO_LONG))));
    String page =
        mvc.perform(sent())
            .andExpect(status().isConflict())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("inzwischen geändert", "value=\"HN-AB 123\"");

    doThrow(new RequestSubmission.UnknownService()).when(limit).submit(any(), any());
    mvc.perform(sent()).andExpect(status().isNotFound());
  }

  @Test
  void aFormWithoutItsOwnIdIsShownAgainAndNothingIsSubmitted() throws Exception {
    mvc.perform(
            post("/portal/leistungen/bewohnerparken/antrag")
                .with(csrf())
                .with(user("anna").authorities(() -> "ROLE_CITIZEN"))
                .param("formular", "../../x")
                .param("a_kennzeichen", "HN-AB 123")
                .param("name", "Anna Beispiel"))
        .andExpect(status().isBadRequest());
    verify(limit, never()).submit(any(), any());
    verifyNoInteractions(submission);
  }
}
