package de.rathaus.application.transparency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The checkpoints in memory: tests, and views built on the fly. */
public class InMemoryCheckpoints implements Checkpoints {

  private final ConcurrentSkipListMap<Long, CheckpointView> byOrdinal =
      new ConcurrentSkipListMap<>();

  @Override
  public void put(CheckpointView checkpoint) {
    byOrdinal.put(checkpoint.ordinal(), checkpoint);
  }

  @Override
  public Optional<CheckpointView> latest() {
    Map.Entry<Long, CheckpointView> last = byOrdinal.lastEntry();
    return Optional.ofNullable(last).map(Map.Entry::getValue);
  }

  @Override
  public List<CheckpointView> before(long below, int size) {
    List<CheckpointView> page = new ArrayList<>();
    for (CheckpointView view : byOrdinal.headMap(below, false).descendingMap().values()) {
      if (page.size() == size) {
        break;
      }
      page.add(view);
    }
    return page;
  }

  @Override
  public Optional<CheckpointView> ofSize(long treeSize) {
    return byOrdinal.values().stream().filter(c -> c.treeSize() == treeSize).findFirst();
  }

  @Override
  public void clear() {
    byOrdinal.clear();
  }
}
