--TEST--
php-fpm (issue 15): request A's goroutines declare a function, a class, a global and a static; request B, served by the same child, finds none of them in its goroutines (and its own declarations work), and A again starts clean
--EXTENSIONS--
curl
--SKIPIF--
<?php
require __DIR__ . '/fixtures/fpm_env.php';
fpm_skipif();
?>
--FILE--
<?php
require __DIR__ . '/fixtures/fpm_env.php';

// One child: every request reaches the same process.
fpm_private(['GOOS_FPM_CHILDREN' => 1]);

// Page A: goroutines declare (an include of a file of their own, so that the
// script never declares these), set a global and bump a static.
$decl_a = fpm_page('leak_decl_a', <<<'PHP'
<?php
function leak_a_function(): string { return "leak_a_function"; }
class LeakAClass { public static function hi(): string { return "LeakAClass"; } }
PHP);
$decl_b = fpm_page('leak_decl_b', <<<'PHP'
<?php
function leak_b_function(): string { return "leak_b_function"; }
class LeakBClass { public static function hi(): string { return "LeakBClass"; } }
PHP);
$common = <<<'PHP'
<?php
Goos\Scheduler::maxProcs(2);
function counter(bool $bump): int { static $n = 0; return $bump ? $n += 100 : $n; }
$mode = $_GET['mode'];
$dir = __DIR__;
$out = new Goos\Chan(8);
// First wave: what this request's goroutines find before declaring anything.
for ($i = 0; $i < 4; $i++) {
    go(function () use ($out) {
        $out->send('found ' . json_encode([
            'leak_a_function' => function_exists('leak_a_function'),
            'LeakAClass' => class_exists('LeakAClass', false),
            'leak_b_function' => function_exists('leak_b_function'),
            'LeakBClass' => class_exists('LeakBClass', false),
            'global' => $GLOBALS['leak_global'] ?? null,
            'static' => counter(false),
        ]));
    });
}
Goos\Scheduler::join();
// Second wave: declare (an include of a file of their own: the script never
// declares these), set a global, bump the static, use what was declared.
for ($i = 0; $i < 4; $i++) {
    go(function () use ($out, $mode, $dir) {
        $bumped = counter(true);
        if ($mode === 'declare-a') {
            require_once "$dir/leak_decl_a.php";
            $GLOBALS['leak_global'] = 'set by A';
            $own = leak_a_function() . ' ' . LeakAClass::hi();
        } else {
            require_once "$dir/leak_decl_b.php";
            $GLOBALS['leak_global_b'] = 'set by B';
            $own = leak_b_function() . ' ' . LeakBClass::hi() . ' ' . $GLOBALS['leak_global_b'];
        }
        $out->send("declared: $own, static bumped: " . ($bumped >= 100 ? 'yes' : 'no'));
    });
}
Goos\Scheduler::join();
$lines = [];
while ($out->count() > 0) {
    $lines[] = $out->recv();
}
echo "pid ", getmypid(), "\n";
echo count($lines), " lines\n";
echo implode("\n", array_unique($lines)), "\n";
PHP;
$page = fpm_page('leak_page', $common);

$pids = [];
$show = function (string $what, array $r) use (&$pids): void {
    [$status, , $body] = $r;
    if (preg_match('/^pid (\d+)\n/', $body, $m)) {
        $pids[] = $m[1];
        $body = substr($body, strlen($m[0]));
    }
    echo "$what: $status\n$body";
};
// Warm up: the child's first request; then A declares, B looks, A again.
$show('A', fpm_get($page, ['mode' => 'declare-a']));
$show('B', fpm_get($page, ['mode' => 'declare-b']));
$show('B again', fpm_get($page, ['mode' => 'declare-b']));
$show('A again', fpm_get($page, ['mode' => 'declare-a']));
echo "one child served them all: ", count($pids) === 4 && count(array_unique($pids)) === 1 ? 'yes' : json_encode($pids), "\n";
?>
--EXPECT--
A: 200
8 lines
found {"leak_a_function":false,"LeakAClass":false,"leak_b_function":false,"LeakBClass":false,"global":null,"static":0}
declared: leak_a_function LeakAClass, static bumped: yes
B: 200
8 lines
found {"leak_a_function":false,"LeakAClass":false,"leak_b_function":false,"LeakBClass":false,"global":null,"static":0}
declared: leak_b_function LeakBClass set by B, static bumped: yes
B again: 200
8 lines
found {"leak_a_function":false,"LeakAClass":false,"leak_b_function":false,"LeakBClass":false,"global":null,"static":0}
declared: leak_b_function LeakBClass set by B, static bumped: yes
A again: 200
8 lines
found {"leak_a_function":false,"LeakAClass":false,"leak_b_function":false,"LeakBClass":false,"global":null,"static":0}
declared: leak_a_function LeakAClass, static bumped: yes
one child served them all: yes
