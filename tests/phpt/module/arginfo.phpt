--TEST--
the API has the signatures declared in goos.stub.php
--EXTENSIONS--
goos
--FILE--
<?php
function describe(ReflectionMethod $m): string {
    $params = array_map(function (ReflectionParameter $p) {
        $s = $p->getType() . ($p->isVariadic() ? ' ...$' : ' $') . $p->getName();
        if ($p->isDefaultValueAvailable()) {
            $s .= ' = ' . var_export($p->getDefaultValue(), true);
        }
        return $s;
    }, $m->getParameters());
    $mods = implode(' ', Reflection::getModifierNames($m->getModifiers()));
    return "$mods {$m->getName()}(" . implode(', ', $params) . ')'
        . ($m->hasReturnType() ? ': ' . $m->getReturnType() : '');
}

$ext = new ReflectionExtension('goos');
foreach ($ext->getClasses() as $class) {
    $flags = implode(' ', array_filter([$class->isFinal() ? 'final' : '', $class->isInternal() ? 'internal' : '']));
    $parent = $class->getParentClass() ? ' extends ' . $class->getParentClass()->getName() : '';
    $names = $class->getInterfaceNames();
    sort($names);
    $ifaces = $names ? ' implements ' . implode(', ', $names) : '';
    echo "$flags class {$class->getName()}$parent$ifaces\n";
    foreach ($class->getProperties() as $p) {
        if ($p->getDeclaringClass()->getName() === $class->getName()) echo '  ', implode(' ', Reflection::getModifierNames($p->getModifiers())), ' ', $p->getType(), ' $', $p->getName(), "\n";
    }
    foreach ($class->getMethods() as $m) {
        if ($m->getDeclaringClass()->getName() === $class->getName()) echo '  ', describe($m), "\n";
    }
}
foreach ($ext->getFunctions() as $f) {
    $params = array_map(fn (ReflectionParameter $p) => $p->getType() . ($p->isVariadic() ? ' ...$' : ' $') . $p->getName()
        . ($p->isDefaultValueAvailable() ? ' = ' . var_export($p->getDefaultValue(), true) : ''), $f->getParameters());
    echo "function {$f->getName()}(", implode(', ', $params), '): ', $f->getReturnType(), "\n";
}
try {
    new Goos\Scheduler();
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    serialize((new ReflectionClass(Goos\Scheduler::class))->newInstanceWithoutConstructor());
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
final internal class Goos\Scheduler
  private __construct()
  public static maxProcs(?int $n = NULL): int
  public static id(): int
  public static join(?float $timeout = NULL): bool
  public static yield(): void
  public static numGoroutine(): int
  public static noPreempt(callable $fn, mixed ...$args): mixed
  public static stats(): array
  public static dump(): string
final internal class Goos\Time
  private __construct()
  public static sleep(float $seconds): void
  public static after(float $seconds): Goos\Chan
  public static tick(float $seconds): Goos\Ticker
internal class Goos\TransferError extends Error implements Stringable, Throwable
internal class Goos\ChanClosedError extends Error implements Stringable, Throwable
final internal class Goos\Chan implements Countable, IteratorAggregate, Traversable
  public __construct(int $capacity = 0)
  public send(mixed $value, ?float $timeout = NULL): bool
  public recv(?float $timeout = NULL, ?bool $ok = NULL): mixed
  public trySend(mixed $value): bool
  public tryRecv(?bool $ok = NULL): mixed
  public close(): void
  public isClosed(): bool
  public capacity(): int
  public count(): int
  public getIterator(): Iterator
final internal class Goos\ChanIterator implements Iterator, Traversable
  private __construct()
  public current(): mixed
  public key(): mixed
  public next(): void
  public rewind(): void
  public valid(): bool
final internal class Goos\SelectCase
  private __construct()
final internal class Goos\Selected
  public readonly string|int|null $key
  public readonly mixed $value
  public readonly bool $ok
  private __construct()
final internal class Goos\Mutex
  public __construct()
  public lock(): void
  public tryLock(): bool
  public unlock(): void
final internal class Goos\RWMutex
  public __construct()
  public lock(): void
  public tryLock(): bool
  public unlock(): void
  public rLock(): void
  public tryRLock(): bool
  public rUnlock(): void
final internal class Goos\WaitGroup
  public __construct()
  public add(int $delta = 1): void
  public done(): void
  public wait(?float $timeout = NULL): bool
  public count(): int
final internal class Goos\Once
  public __construct()
  public do(callable $fn, mixed ...$args): void
  public isDone(): bool
final internal class Goos\Ticker
  private __construct()
  public channel(): Goos\Chan
  public stop(): void
  public reset(float $seconds): void
internal class Goos\ConnectionBusyError extends Error implements Stringable, Throwable
function go(callable $fn, mixed ...$args): int
function Goos\go(callable $fn, mixed ...$args): int
function Goos\recv(Goos\Chan $chan): Goos\SelectCase
function Goos\send(Goos\Chan $chan, mixed $value): Goos\SelectCase
function Goos\select(array $cases, ?float $timeout = NULL, bool $block = true): Goos\Selected
Error: Call to private Goos\Scheduler::__construct() from global scope
Exception: Serialization of 'Goos\Scheduler' is not allowed
