package de.rathaus.application.participation;

import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.FindDepartment;
import de.rathaus.application.shared.Answers;
import de.rathaus.domain.participation.ConsultationContent;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.DraftConsultation;
import de.rathaus.domain.participation.ReviseConsultation;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * An administrator drafts or revises a consultation: it must belong to an action field that is
 * known and active (a retired one is offered for no new consultation), and an organising
 * department, where one is named, must be known and active too. Both are read from their read
 * models, so one retired a moment ago may still pass.
 */
public class ConsultationAdministration {

  private final CommandGateway commands;
  private final QueryGateway queries;
  private final Clock clock;

  public ConsultationAdministration(CommandGateway commands, QueryGateway queries, Clock clock) {
    this.commands = commands;
    this.queries = queries;
    this.clock = clock;
  }

  /** The content names something that is not known and active: which field of the content. */
  public static final class UnknownReference extends RuntimeException {
    private final String field;

    public UnknownReference(String field) {
      super(
          "The consultation names a " + field + " that is not known and active",
          null,
          false,
          false);
      this.field = field;
    }

    /** {@code actionField} or {@code department}. */
    public String field() {
      return field;
    }
  }

  public void draft(ConsultationId id, ConsultationContent content) {
    requireKnown(content);
    commands.sendAndWait(new DraftConsultation(id, content, clock.instant()));
  }

  public void revise(ConsultationId id, ConsultationContent content) {
    requireKnown(content);
    commands.sendAndWait(new ReviseConsultation(id, content, clock.instant()));
  }

  private void requireKnown(ConsultationContent content) {
    boolean actionField =
        Answers.of(
                queries.query(
                    new FindActionField(content.actionField()),
                    ResponseTypes.optionalInstanceOf(ActionFieldView.class)))
            .map(ActionFieldView::active)
            .orElse(false);
    if (!actionField) {
      throw new UnknownReference("actionField");
    }
    if (content.department() == null) {
      return;
    }
    boolean department =
        Answers.of(
                queries.query(
                    new FindDepartment(content.department()),
                    ResponseTypes.optionalInstanceOf(DepartmentView.class)))
            .map(DepartmentView::active)
            .orElse(false);
    if (!department) {
      throw new UnknownReference("department");
    }
  }
}
