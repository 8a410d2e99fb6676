package de.rathaus.api.audit;

import de.rathaus.api.shared.ReadModelProgress;
import de.rathaus.api.shared.ReadModels;
import de.rathaus.application.audit.AuditIndex;
import de.rathaus.application.audit.AuditIndexProjection;
import de.rathaus.application.audit.AuditTrail;
import de.rathaus.application.audit.AuditTrailQueries;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit index read model and the auditors' queries. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

  @Bean
  public AuditIndexProjection auditIndexProjection(AuditIndex index) {
    return new AuditIndexProjection(index);
  }

  /** The audit index, on its own processor {@value AuditIndexProjection#NAME}. */
  @Bean
  public ConfigurerModule auditIndexProcessor(ReadModelProgress progress) {
    return ReadModels.readModel(AuditIndexProjection.NAME, AuditIndexProjection.class, progress);
  }

  @Bean
  public AuditTrailQueries auditTrailQueries(AuditTrail trail) {
    return new AuditTrailQueries(trail);
  }
}
