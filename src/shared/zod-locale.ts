import { z } from 'zod';

// Validation messages in Chinese first (zh-CN), for the server's 4xx answers and the web forms alike.
z.config(z.locales.zhCN());
