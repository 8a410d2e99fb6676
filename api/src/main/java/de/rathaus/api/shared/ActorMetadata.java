package de.rathaus.api.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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
    Optional<Actor> caller =
        authentication == null || !authentication.isAuthenticated()
            ? Optional.empty()
            : Actor.find(authentication);
    if (caller.isEmpty()) {
      stamp.put(ACTOR_ID, "system");
      stamp.put(ACTOR_ROLE, "SYSTEM");
      stamp.put(CHANNEL, "system");
      return stamp;
    }
    Actor actor = caller.get();
    stamp.put(ACTOR_ID, actor.id());
    stamp.put(ACTOR_ROLE, actor.role().name());
    actor.department().ifPresent(department -> stamp.put(DEPARTMENT, department));
    stamp.put(CHANNEL, signedInThroughTheBrowser() ? "web" : "api");
    return stamp;
  }

  /**
   * A call without credentials of its own was authenticated by the session of the login form: it
   * comes from the browser ({@code web}); calls with credentials come from programs ({@code api}).
   */
  private static boolean signedInThroughTheBrowser() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
        && current.getRequest().getHeader(HttpHeaders.AUTHORIZATION) == null;
  }
}
