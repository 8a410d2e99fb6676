package de.rathaus.domain.catalogue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.rathaus.domain.catalogue.ServiceDefinitionRuleViolation.Code;
import de.rathaus.domain.shared.ServiceCode;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A municipal service in the online catalogue, as the city's administrators maintain it.
 *
 * <p>Lifecycle: an administrator drafts a service, which citizens do not see; publishing makes the
 * draft version 1. A later revision is a draft of the next version on top of the published one:
 * citizens and new requests keep the published version until the administrator publishes again,
 * which makes version 2, and so on. Publishing is refused when nothing changed since the last
 * publication. Retiring takes the service off the catalogue for good (no change is accepted
 * afterwards); a service that was never published may be retired too, so that an abandoned draft
 * disappears from the administrators' list of drafts.
 */
public class ServiceDefinition {

  @AggregateIdentifier private ServiceCode code;

  /** The content citizens see; {@code null} until the first publication. */
  private ServiceDefinitionContent published;

  /** The content last saved and not yet published; {@code null} when none is pending. */
  private ServiceDefinitionContent draft;

  /** The number of publications so far, which is the number of the published version. */
  private int version;

  private boolean retired;

  /** For Axon, which rebuilds the aggregate from its events. */
  protected ServiceDefinition() {}

  /**
   * Adds a service as a draft. A code already in use is refused by the event store, which accepts
   * only one history per code (the API answers 409).
   */
  @CommandHandler
  public ServiceDefinition(DraftServiceDefinition command) {
    apply(new ServiceDefinitionDrafted(command.code(), command.content()));
  }

  /**
   * Saves new content as the draft. Saving exactly the content already saved records nothing, so
   * that a repeated save (a retried PUT) leaves no second event in the history.
   */
  @CommandHandler
  public void handle(ReviseServiceDefinition command) {
    requireNotRetired();
    if (!command.content().equals(currentContent())) {
      apply(new ServiceDefinitionRevised(code, command.content()));
    }
  }

  /** Publishes the draft as the next version. */
  @CommandHandler
  public void handle(PublishServiceDefinition command) {
    requireNotRetired();
    requireChangesSinceLastPublication();
    apply(new ServiceDefinitionPublished(code, version + 1, draft));
  }

  /**
   * Retires the service; a pending draft is discarded. The event names the last published version
   * (0 if there was none).
   */
  @CommandHandler
  public void handle(RetireServiceDefinition command) {
    requireNotRetired();
    apply(new ServiceDefinitionRetired(code, version, command.reason()));
  }

  private void requireNotRetired() {
    if (retired) {
      throw new ServiceDefinitionRuleViolation(
          code, Code.ALREADY_RETIRED, "Service " + code + " is retired and cannot change");
    }
  }

  private void requireChangesSinceLastPublication() {
    if (draft == null || draft.equals(published)) {
      throw new ServiceDefinitionRuleViolation(
          code,
          Code.NOTHING_TO_PUBLISH,
          "Service " + code + " has no changes since version " + version);
    }
  }

  /** What an administrator edits: the pending draft, else the published content. */
  private ServiceDefinitionContent currentContent() {
    return draft != null ? draft : published;
  }

  @EventSourcingHandler
  void on(ServiceDefinitionDrafted event) {
    code = event.code();
    draft = event.content();
  }

  @EventSourcingHandler
  void on(ServiceDefinitionRevised event) {
    draft = event.content();
  }

  @EventSourcingHandler
  void on(ServiceDefinitionPublished event) {
    version = event.version();
    published = event.content();
    draft = null;
  }

  @EventSourcingHandler
  void on(ServiceDefinitionRetired event) {
    retired = true;
    draft = null;
  }

  Optional<ServiceDefinitionContent> publishedContent() {
    return Optional.ofNullable(published);
  }

  Optional<ServiceDefinitionContent> pendingDraft() {
    return Optional.ofNullable(draft).filter(content -> !content.equals(published));
  }

  int version() {
    return version;
  }
}
