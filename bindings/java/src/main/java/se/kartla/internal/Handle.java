// SPDX-License-Identifier: Apache-2.0
package se.kartla.internal;

import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import se.kartla.KartlaException;
import se.kartla.Status;

/**
 * One native handle ({@code kartla_identity *}, ...) and the rule that makes it safe from Java: it
 * is freed exactly once, never while a call is using it. Not API.
 *
 * <p>Every call leases the pointer ({@link #acquire()} ... {@link #release()} in a finally). Closing
 * marks the handle closed; the native object is freed by whichever comes last, the close or the
 * last lease's release. So a handle closed on one thread while another is inside a call on it is
 * freed when that call returns, and the next call gets {@link Status#E_INVALID_ARGUMENT}, never a
 * dangling pointer. A {@link Cleaner} closes handles their owner forgot; it holds only the state
 * below, never the owning object.
 *
 * <p>The C header of each type says what may run at once on one handle; the {@link Concurrency}
 * given here enforces it with a lock held for the native call only, so that misuse from Java
 * waits instead of corrupting memory.
 */
public final class Handle {
  /** What the C header allows on one handle at once. */
  public enum Concurrency {
    /** Immutable: any number of calls at once (kartla_share, kartla_verification). */
    SHARED,
    /**
     * Any number of const calls at once, one mutating call alone (kartla_identity:
     * set_passphrase and use_state_folder need exclusive use).
     */
    READ_WRITE,
    /** One call at a time (kartla_record, kartla_trust_draft). */
    EXCLUSIVE
  }

  private static final Cleaner CLEANER = Cleaner.create();

  private final State state;
  private final Cleaner.Cleanable cleanable;
  private final Lock shared;
  private final Lock exclusive;

  /**
   * Takes ownership of {@code peer} (not null) for {@code owner}, the public object whose
   * unreachability frees it; {@code kind} names the object in errors ("Share").
   */
  public Handle(Object owner, String kind, Pointer peer, Consumer<Pointer> free, Concurrency concurrency) {
    this.state = new State(kind, peer, free);
    this.cleanable = CLEANER.register(owner, state);
    switch (concurrency) {
      case SHARED:
        shared = null;
        exclusive = null;
        break;
      case READ_WRITE:
        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        shared = rw.readLock();
        exclusive = rw.writeLock();
        break;
      default:
        shared = new ReentrantLock();
        exclusive = shared;
        break;
    }
  }

  /**
   * The pointer for a call the header allows alongside others of its kind, leased until
   * {@link #release()}; a closed handle is E_INVALID_ARGUMENT.
   */
  public Pointer acquire() {
    return lease(shared);
  }

  public void release() {
    unlease(shared);
  }

  /** The pointer for a call that needs the handle alone; ends with {@link #releaseExclusive()}. */
  public Pointer acquireExclusive() {
    return lease(exclusive);
  }

  public void releaseExclusive() {
    unlease(exclusive);
  }

  private Pointer lease(Lock lock) {
    if (lock == null) return state.acquire();
    lock.lock();
    try {
      return state.acquire();
    } catch (RuntimeException e) {
      lock.unlock();
      throw e;
    }
  }

  private void unlease(Lock lock) {
    try {
      state.release();
    } finally {
      if (lock != null) lock.unlock();
    }
  }

  /** Closes (idempotent); the native object is freed now or when the last lease ends. */
  public void close() {
    cleanable.clean();
  }

  public boolean isClosed() {
    return (state.word.get() & State.CLOSED) != 0;
  }

  /** Runs on close or by the Cleaner, at most once (Cleanable.clean guarantees it). */
  private static final class State implements Runnable {
    static final long CLOSED = 1L << 62;
    static final long FREED = 1L << 61;
    static final long USERS = FREED - 1;

    final String kind;
    final Pointer peer;
    final Consumer<Pointer> free;
    /** CLOSED and FREED bits, and the number of calls holding a lease. */
    final AtomicLong word = new AtomicLong();

    State(String kind, Pointer peer, Consumer<Pointer> free) {
      this.kind = kind;
      this.peer = peer;
      this.free = free;
    }

    Pointer acquire() {
      for (;;) {
        long w = word.get();
        if ((w & CLOSED) != 0) {
          throw new KartlaException(Status.E_INVALID_ARGUMENT, "this " + kind + " is closed");
        }
        if ((w & USERS) == USERS) throw new KartlaException(Status.E_LIMIT, "too many calls at once on one " + kind);
        if (word.compareAndSet(w, w + 1)) return peer;
      }
    }

    void release() {
      if (word.decrementAndGet() == CLOSED) freeOnce();
    }

    @Override
    public void run() {
      for (;;) {
        long w = word.get();
        if (word.compareAndSet(w, w | CLOSED)) {
          if ((w & USERS) == 0) freeOnce();
          return;
        }
      }
    }

    private void freeOnce() {
      if (word.compareAndSet(CLOSED, CLOSED | FREED)) free.accept(peer);
    }
  }
}
