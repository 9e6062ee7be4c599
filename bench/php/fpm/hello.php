<?php
// bench/fpm.sh (b): hello world, goos loaded but unused (or not loaded).
echo "hello\n";
