package de.rathaus.api.servicerequest;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clerks of each department that cases may be assigned to, where the sign-in does not know them
 * (production: {@code RATHAUS_STAFF_BUERGERAMT=clara,clemens}).
 *
 * @param staff per department code, the user ids of its clerks
 */
@ConfigurationProperties("rathaus")
public record StaffProperties(Map<String, List<String>> staff) {

  public StaffProperties {
    staff = staff == null ? Map.of() : Map.copyOf(staff);
  }
}
