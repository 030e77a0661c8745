"""plan-rules: compliance checker for annual safety-production supervision and inspection
plans (安全生产年度监督检查计划, 安监总政法〔2017〕150号)."""
__version__ = "0.1.0"
