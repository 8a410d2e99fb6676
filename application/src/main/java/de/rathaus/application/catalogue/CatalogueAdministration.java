package de.rathaus.application.catalogue;

import de.rathaus.application.shared.Answers;
import de.rathaus.domain.catalogue.DraftServiceDefinition;
import de.rathaus.domain.catalogue.ReviseServiceDefinition;
import de.rathaus.domain.catalogue.ServiceDefinitionContent;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * An administrator drafts or revises a service: its content must name a department that is known
 * and active, so that every case of the service lands in a queue that some clerk works. The
 * departments are read from their read model, so a department retired a moment ago may still pass.
 */
public class CatalogueAdministration {

  private final CommandGateway commands;
  private final QueryGateway queries;

  public CatalogueAdministration(CommandGateway commands, QueryGateway queries) {
    this.commands = commands;
    this.queries = queries;
  }

  /** The content names a department that is not known or not active any more. */
  public static final class UnknownDepartment extends RuntimeException {
    private final transient DepartmentCode department;

    public UnknownDepartment(DepartmentCode department) {
      super("The service names a department that is not known and active", null, false, false);
      this.department = department;
    }

    public DepartmentCode department() {
      return department;
    }
  }

  public void draft(ServiceCode code, ServiceDefinitionContent content) {
    draft(code, content, Map.of());
  }

  /** Drafts a new service, with metadata on the command (for example that it is sample data). */
  public void draft(ServiceCode code, ServiceDefinitionContent content, Map<String, ?> metaData) {
    requireActive(content.department());
    commands.sendAndWait(
        new GenericCommandMessage<>(new DraftServiceDefinition(code, content), metaData));
  }

  public void revise(ServiceCode code, ServiceDefinitionContent content) {
    requireActive(content.department());
    commands.sendAndWait(new ReviseServiceDefinition(code, content));
  }

  private void requireActive(DepartmentCode department) {
    boolean active =
        Answers.of(
                queries.query(
                    new FindDepartment(department),
                    ResponseTypes.optionalInstanceOf(DepartmentView.class)))
            .map(DepartmentView::active)
            .orElse(false);
    if (!active) {
      throw new UnknownDepartment(department);
    }
  }
}
