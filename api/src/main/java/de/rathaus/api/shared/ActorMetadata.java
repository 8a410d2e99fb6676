package de.rathaus.api.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Stamps every command with who sent it (actor id, role, department of a clerk) and through which
 * channel; the events a command causes carry the same entries (see {@link ApiConfiguration}), so
 * the audit trail can say who did what. A command sent by the engine itself (the deadline watch,
 * the first start's catalogue) is signed {@code system}.
 */
public class ActorMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

  public static final String ACTOR_ID = "actorId";
  public static final String ACTOR_ROLE = "actorRole";
  public static final String DEPARTMENT = "department";
  public static final String CHANNEL = "channel";

  /** The keys copied from a command to its events. */
  public static final String[] KEYS = {ACTOR_ID, ACTOR_ROLE, DEPARTMENT, CHANNEL};

  @Override
  public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
      List<? extends CommandMessage<?>> messages) {
    Map<String, String> stamp = stamp(SecurityContextHolder.getContext().getAuthentication());
    return (index, command) ->
        command.getMetaData().containsKey(ACTOR_ID) ? command : command.andMetaData(stamp);
  }

  static Map<String, String> stamp(Authentication authentication) {
    Map<String, String> stamp = new HashMap<>();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication.getAuthorities().stream()
            .noneMatch(a -> a.getAuthority().startsWith("ROLE_") && isRole(a.getAuthority()))) {
      stamp.put(ACTOR_ID, "system");
      stamp.put(ACTOR_ROLE, "SYSTEM");
      stamp.put(CHANNEL, "system");
      return stamp;
    }
    Actor actor = Actor.of(authentication);
    stamp.put(ACTOR_ID, actor.id());
    stamp.put(ACTOR_ROLE, actor.role().name());
    actor.department().ifPresent(department -> stamp.put(DEPARTMENT, department));
    stamp.put(CHANNEL, authentication.getDetails() instanceof Channel web ? web.name : "api");
    return stamp;
  }

  private static boolean isRole(String authority) {
    for (Role role : Role.values()) {
      if (role.authority().equals(authority)) {
        return true;
      }
    }
    return false;
  }

  /** Marks a sign-in through the browser's login form: its commands come through {@code web}. */
  public record Channel(String name) {}
}
