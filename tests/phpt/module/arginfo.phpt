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

$class = new ReflectionClass(Goos\Scheduler::class);
var_dump($class->isFinal(), $class->isInternal(), $class->getExtensionName());
foreach ($class->getMethods() as $m) {
    echo describe($m), "\n";
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
bool(true)
bool(true)
string(4) "goos"
private __construct()
public static maxProcs(?int $n = NULL): int
public static id(): int
public static join(?float $timeout = NULL): bool
public static yield(): void
public static numGoroutine(): int
public static noPreempt(callable $fn, mixed ...$args): mixed
public static stats(): array
Error: Call to private Goos\Scheduler::__construct() from global scope
Exception: Serialization of 'Goos\Scheduler' is not allowed
