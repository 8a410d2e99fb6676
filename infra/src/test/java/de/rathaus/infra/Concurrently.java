package de.rathaus.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs tasks as nearly at once as a test can: all wait for one start signal. */
public final class Concurrently {

  private Concurrently() {}

  /**
   * Runs the tasks on {@code threads} threads, released together; answers their results in the
   * order of the tasks. Each result is awaited at most a minute, so a test always ends.
   */
  public static <T> List<T> run(int threads, List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs {@code task} {@code times} times at once on {@code threads} threads. */
  public static <T> List<T> run(int threads, int times, Callable<T> task) throws Exception {
    List<Callable<T>> tasks = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      tasks.add(task);
    }
    return run(threads, tasks);
  }
}
