module goosbench

go 1.19
