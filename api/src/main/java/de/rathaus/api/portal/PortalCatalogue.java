package de.rathaus.api.portal;

import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.FindPublishedService;
import de.rathaus.application.catalogue.ListDepartments;
import de.rathaus.application.catalogue.ListPublishedServices;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.shared.Answers;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * The catalogue as the portal reads it: the same queries the API's catalogue resources ask ({@code
 * ListPublishedServices}, {@code FindPublishedService}, {@code ListDepartments}), never a call of
 * the engine's own HTTP API.
 */
public class PortalCatalogue {

  private final QueryGateway queries;

  public PortalCatalogue(QueryGateway queries) {
    this.queries = queries;
  }

  /** Every published, not retired service. */
  public List<ServiceView> services() {
    return Answers.of(
        queries.query(
            new ListPublishedServices(), ResponseTypes.multipleInstancesOf(ServiceView.class)));
  }

  /** One published service, or empty. */
  public Optional<ServiceView> service(String code) {
    return Answers.of(
        queries.query(
            new FindPublishedService(code), ResponseTypes.optionalInstanceOf(ServiceView.class)));
  }

  /** The departments, retired ones included (a service may still name one). */
  public List<DepartmentView> departments() {
    return Answers.of(
        queries.query(
            new ListDepartments(true), ResponseTypes.multipleInstancesOf(DepartmentView.class)));
  }
}
