package de.rathaus.api.servicerequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Requests and cases ({@code RATHAUS_STAFF_*}, {@code RATHAUS_DEADLINES_*}).
 *
 * @param staff per department code, the user ids of the clerks its cases may be assigned to, where
 *     the sign-in does not know them (production: {@code RATHAUS_STAFF_BUERGERAMT=clara,clemens})
 * @param deadlines the deadline watch
 */
@ConfigurationProperties("rathaus")
public record StaffProperties(Map<String, List<String>> staff, Deadlines deadlines) {

  public StaffProperties {
    staff = staff == null ? Map.of() : Map.copyOf(staff);
    deadlines = deadlines == null ? new Deadlines(null) : deadlines;
  }

  /**
   * @param checkInterval how often the deadline watch looks for overdue cases and answers; default
   *     one minute
   */
  public record Deadlines(Duration checkInterval) {
    public Deadlines {
      checkInterval = checkInterval == null ? Duration.ofMinutes(1) : checkInterval;
    }
  }
}
