package de.rathaus.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The module borders of docs/design.md section 3, checked on the production classes of all four
 * modules (the api module's test class path holds domain, application and infra, the latter at
 * runtime scope).
 */
@AnalyzeClasses(packages = "de.rathaus", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String DOMAIN = "de.rathaus.domain..";
  private static final String APPLICATION = "de.rathaus.application..";
  private static final String API = "de.rathaus.api..";
  private static final String INFRA = "de.rathaus.infra..";

  /** The feature names every module uses for its packages (docs/design.md section 3). */
  static final List<String> FEATURES =
      List.of(
          "catalogue",
          "servicerequest",
          "participation",
          "audit",
          "statistics",
          "privacy",
          "transparency",
          "notification",
          "open311",
          "shared");

  /**
   * The Axon parts a domain model needs: aggregate and saga modelling, event sourcing, and the
   * message annotations of axon-messaging ({@code @CommandHandler}, {@code @EventHandler}, {@code
   * MetaData}, {@code @Revision}, deadlines). Not Axon's configuration, Spring support, update
   * checker, tracing or extensions.
   */
  private static final String[] AXON_FOR_DOMAIN = {
    "org.axonframework.modelling..",
    "org.axonframework.eventsourcing..",
    "org.axonframework.commandhandling..",
    "org.axonframework.eventhandling..",
    "org.axonframework.messaging..",
    "org.axonframework.serialization..",
    "org.axonframework.deadline.."
  };

  @ArchTest
  static final ArchRule domain_depends_only_on_java_axon_modelling_and_itself =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              concat(
                  new String[] {"java..", "javax.annotation..", "jakarta.annotation..", DOMAIN},
                  AXON_FOR_DOMAIN))
          .because(
              "the domain is plain Java with Axon's modelling annotations: no Spring, Mongo or Jackson")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule domain_does_not_depend_on_application_api_or_infra =
      noClasses()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(APPLICATION, API, INFRA)
          .because("the domain is the innermost module")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule application_depends_neither_on_api_infra_spring_nor_mongo =
      noClasses()
          .that()
          .resideInAPackage(APPLICATION)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(API, INFRA, "org.springframework..", "com.mongodb..", "org.bson..")
          .because(
              "the application module depends on the domain only; read-model ports are"
                  + " interfaces that infra implements")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule api_does_not_depend_on_infra =
      noClasses()
          .that()
          .resideInAPackage(API)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(INFRA)
          .because("infra is a runtime-scope dependency of api, wired by auto-configuration");

  @ArchTest
  static final ArchRule only_infra_touches_mongodb_bson_or_the_embedded_server =
      noClasses()
          .that()
          .resideOutsideOfPackage(INFRA)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.mongodb..", "org.bson..", "de.bwaldvogel..")
          .because("storage is infra's business");

  @ArchTest
  static final ArchRule the_store_connection_does_not_depend_on_the_event_store =
      noClasses()
          .that()
          .resideInAPackage("de.rathaus.infra.mongo..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("de.rathaus.infra.eventstore..")
          .because(
              "the event store is built on the store connection (mongo), never the reverse: one"
                  + " direction, so that either can be understood and changed on its own");

  @ArchTest
  static final ArchRule every_class_belongs_to_one_of_the_four_modules =
      classes()
          .that()
          .resideInAPackage("de.rathaus..")
          .should()
          .resideInAnyPackage(DOMAIN, APPLICATION, API, INFRA)
          .because("the modules are domain, application, api and infra (docs/design.md section 3)");

  @ArchTest
  static final ArchRule packages_under_each_module_are_the_same_feature_names =
      CompositeArchRule.of(featurePackages("domain", false))
          .and(featurePackages("application", false))
          .and(featurePackages("api", true, "cli", "portal"))
          .and(featurePackages("infra", true, "eventstore", "mongo"));

  /**
   * Classes of {@code module} must live in a feature package (or below it); {@code rootAllowed}
   * admits classes directly in the module's root package (the application class, package-info);
   * {@code plumbing} names extra packages the module may have besides the features.
   */
  private static ArchRule featurePackages(String module, boolean rootAllowed, String... plumbing) {
    String root = "de.rathaus." + module;
    List<String> allowed = new ArrayList<>();
    if (rootAllowed) {
      allowed.add(root);
    }
    FEATURES.forEach(feature -> allowed.add(root + "." + feature + ".."));
    for (String extra : plumbing) {
      allowed.add(root + "." + extra + "..");
    }
    return classes()
        .that()
        .resideInAPackage(root + "..")
        .should()
        .resideInAnyPackage(allowed.toArray(String[]::new))
        .because(
            "packages are by feature, with the same feature names in every module: "
                + String.join(", ", FEATURES)
                + (plumbing.length == 0
                    ? ""
                    : " (plus plumbing: " + String.join(", ", plumbing) + ")"))
        .allowEmptyShould(true);
  }

  /**
   * Spring asks the advices in their order and takes the first that handles an exception; of the
   * same order, the classpath scan decides. So the catch-all 500 comes last by its order, and every
   * other advice (a feature's refusals, the store's and privacy's 503s) has an order before it.
   */
  @ArchTest
  static final ArchRule the_catch_all_advice_is_asked_last =
      classes()
          .that()
          .areAnnotatedWith(org.springframework.web.bind.annotation.RestControllerAdvice.class)
          .should()
          .beAnnotatedWith(org.springframework.core.annotation.Order.class)
          .andShould(
              new com.tngtech.archunit.lang.ArchCondition<
                  com.tngtech.archunit.core.domain.JavaClass>("be ordered before the catch-all") {
                @Override
                public void check(
                    com.tngtech.archunit.core.domain.JavaClass advice,
                    com.tngtech.archunit.lang.ConditionEvents events) {
                  int order =
                      advice
                                  .reflect()
                                  .getAnnotation(org.springframework.core.annotation.Order.class)
                              == null
                          ? org.springframework.core.Ordered.LOWEST_PRECEDENCE
                          : advice
                              .reflect()
                              .getAnnotation(org.springframework.core.annotation.Order.class)
                              .value();
                  boolean catchAll =
                      advice.getName().equals("de.rathaus.api.shared.ApiExceptionHandler");
                  boolean right =
                      catchAll
                          ? order == org.springframework.core.Ordered.LOWEST_PRECEDENCE
                          : order < org.springframework.core.Ordered.LOWEST_PRECEDENCE;
                  events.add(
                      new com.tngtech.archunit.lang.SimpleConditionEvent(
                          advice,
                          right,
                          advice.getName()
                              + " has order "
                              + order
                              + (catchAll ? " (catch-all)" : "")));
                }
              });

  private static String[] concat(String[] first, String[] second) {
    String[] all = new String[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
